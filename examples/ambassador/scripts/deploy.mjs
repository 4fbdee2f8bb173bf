// npm run deploy [-- <folder>]: build the images, get them into the local cluster and apply the
// folder (default k8s/; `npm run deploy -- k8s-anti-pattern` in the anti-pattern project).
// Env: DEPLOY_TARGET (kind|minikube|k3d|docker-desktop|podman), CONTAINER_ENGINE, BASE_IMAGE,
// IMAGE_BUILD_FLAGS, KIND_EXPERIMENTAL_PROVIDER. Flag: --dry-run (print the plan, run nothing).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeTarget, planDeploy, podmanPodsNotRunning, whereToLook } from './lib/deploy-plan.mjs';
import { capture, detectEngine, detectTarget, folderArgument, projectRoot, readManifests, runSteps } from './lib/io.mjs';
import { text } from './lib/text.mjs';
import { fill } from './lib/text-fill.mjs';

const POD_WAIT_SECONDS = 180;

process.chdir(projectRoot);
const dryRun = process.argv.includes('--dry-run');
const tmpDir = join(tmpdir(), `pod-pattern-${process.pid}`);
try {
  const manifests = readManifests(folderArgument(), text);
  const where = detectTarget(text);
  const engine = detectEngine(where.target, text);
  console.log(`# ${fill(text.target.deploying, { target: describeTarget(where, text), engine })}`);
  const steps = planDeploy(manifests, { where, engine, env: process.env, tmpDir, text });
  const ok = await runSteps(steps, { dryRun, onWait: waitForPodmanPods, text });
  if (ok && !dryRun)
    console.log(
      `\n${text.plan.deployed}\n${whereToLook(manifests, where)
        .map((line) => `  ${line}`)
        .join('\n')}`,
    );
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}

async function waitForPodmanPods({ podmanPods }) {
  for (let waited = 0; waited < POD_WAIT_SECONDS; waited += 1) {
    const list = capture(['podman', 'pod', 'ps', '--format', 'json']);
    if (list.ok && podmanPodsNotRunning(JSON.parse(list.stdout || '[]'), podmanPods).length === 0) return true;
    await sleep(1000);
  }
  return false;
}
