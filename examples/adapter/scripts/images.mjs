// npm run images [-- <folder>]: build an image for every container the folder (default k8s/) runs,
// tagged as the manifests name it.
// Env: CONTAINER_ENGINE, BASE_IMAGE, IMAGE_BUILD_FLAGS (see lib/images-plan.mjs). Flag: --dry-run.
import { imageBuildSteps } from './lib/images-plan.mjs';
import { defaultTarget, detectEngine, folderArgument, projectRoot, readManifests, runSteps } from './lib/io.mjs';
import { text } from './lib/text.mjs';

process.chdir(projectRoot);
try {
  const manifests = readManifests(folderArgument(), text);
  const engine = detectEngine(defaultTarget(), text);
  const steps = imageBuildSteps(manifests, { engine, env: process.env, text });
  process.exitCode = (await runSteps(steps, { dryRun: process.argv.includes('--dry-run'), text })) ? 0 : 1;
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
