/**
 * The app's parts module (containers/app/src/parts.ts) when the user has edited it: `add` puts
 * in what the new helpers' parts need (an import and an entry each) and keeps everything else.
 */
import type { PlannedFile } from '../plan/project-plan.js';
import { AddRefusal } from './refusal.js';

export const APP_PARTS_MODULE = 'containers/app/src/parts.ts';
const APP_FOLDER = 'containers/app/';

const PART_IMPORT = /^import \{ (\w+) \} from '\.\/parts\/([^']+)';$/gm;
const PART_LIST = /export const parts: AppPart\[\] = \[([^\]]*)\];/;

/** `current` with every part `planned` imports and it lacks; a refusal when its list of parts is gone. */
export function addAppParts(current: string, planned: string): string {
  const list = PART_LIST.exec(current);
  const wanted = [...planned.matchAll(PART_IMPORT)];
  const entries = (list?.[1] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const missing = wanted.filter(([, name]) => !entries.includes(name!));
  if (missing.length === 0) return current;
  if (!list)
    throw new AddRefusal({ code: 'partsModuleEdited', path: APP_PARTS_MODULE, parts: missing.map(([, , folder]) => folder).join(', ') });

  const all = [...entries, ...missing.map(([, name]) => name!)];
  // Written as it was: one line, or one entry a line.
  const items = list[1]!.includes('\n') ? `\n${all.map((e) => `  ${e},\n`).join('')}` : all.join(', ');
  let text = current.replace(list[0], `export const parts: AppPart[] = [${items}];`);
  const imports = missing.map(([line]) => line).filter((line) => !text.includes(line!));
  const lastImport = [...text.matchAll(/^import [^;]*;$/gm)].pop();
  const at = lastImport ? lastImport.index! + lastImport[0].length + 1 : 0;
  if (imports.length) text = `${text.slice(0, at)}${imports.join('\n')}\n${text.slice(at)}`;
  return text;
}

/**
 * A project whose app has no parts module holds an app of its own (or one from before parts):
 * it is left as it is, and the user is told what it must do for the helpers instead.
 */
export function withoutAppFiles(files: PlannedFile[]): PlannedFile[] {
  return files.filter((f) => !f.path.startsWith(APP_FOLDER));
}
