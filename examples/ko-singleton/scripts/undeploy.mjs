// npm run undeploy [-- <folder>]: remove what `npm run deploy` created from that folder (default
// k8s/), from the same target.
// Env: DEPLOY_TARGET. Flag: --dry-run.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTarget, planUndeploy } from './lib/deploy-plan.mjs';
import { capture, detectTarget, folderArgument, projectRoot, readManifests, runSteps } from './lib/io.mjs';
import { text } from './lib/text.mjs';
import { fill } from './lib/text-fill.mjs';

process.chdir(projectRoot);
const tmpDir = join(tmpdir(), `pod-pattern-${process.pid}`);
try {
  const manifests = readManifests(folderArgument(), text);
  const where = detectTarget(text);
  console.log(`# ${fill(text.target.undeploying, { target: describeTarget(where, text) })}`);
  const steps = planUndeploy(manifests, { where, tmpDir, present: where.target === 'podman' ? podmanPods() : undefined, text });
  process.exitCode = (await runSteps(steps, { dryRun: process.argv.includes('--dry-run'), text })) ? 0 : 1;
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}

/** Names of the pods podman has, in any state; undefined when podman does not answer (the plan then says so). */
function podmanPods() {
  const list = capture(['podman', 'pod', 'ps', '--format', 'json']);
  return list.ok ? JSON.parse(list.stdout || '[]').map((pod) => pod.Name) : undefined;
}
