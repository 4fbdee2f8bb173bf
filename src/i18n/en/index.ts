/** The English catalog: one file per area, each loaded only by the part of the tool that shows it. */
export { cli } from './cli.js';
export { lint } from './lint.js';
export { manifests } from './manifests.js';
export { readme } from './readme.js';
export { lesson } from './lesson.js';
export { add } from './add.js';
export { demo } from './demo.js';
export { scripts } from './scripts.js';
