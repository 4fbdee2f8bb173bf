// The effects the scripts share: reading k8s/, running commands, carrying out a plan of steps.
// Everything else in scripts/lib/ is pure. What they say comes from `text` (lib/text.mjs, the
// project's language), handed in by the runner: this module imports no words of its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { chooseTarget } from './deploy-plan.mjs';
import { chooseEngine } from './images-plan.mjs';
import { fill } from './text-fill.mjs';

/** The generated project's folder; the scripts work from there wherever they are started. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A container sees the manifest's env, not the shell's; node needs only these from the host. */
export const hostEnv = Object.fromEntries(
  ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG', 'TZ']
    .filter((key) => key in process.env)
    .map((key) => [key, process.env[key]]),
);

/**
 * The objects `<dir>/kustomization.yaml` lists, in its order, with its `namespace` applied as
 * kustomize does. The workload is the Deployment of `<dir>/deployment.yaml`; a folder without
 * that file has none (its workloads are peers: see manifests.mjs). `text` is lib/text.mjs.
 */
export function readManifests(dir, text) {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  const objects = [];
  let workload;
  for (const file of kustomization.resources ?? []) {
    for (const document of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`${join(dir, file)}: ${document.errors[0].message}`);
      const object = document.toJS();
      if (!object) continue;
      if (kustomization.namespace && object.kind !== 'Namespace') object.metadata.namespace = kustomization.namespace;
      if (file === 'deployment.yaml' && object.kind === 'Deployment') workload ??= object.metadata.name;
      objects.push(object);
    }
  }
  if (!objects.some((object) => ['Deployment', 'StatefulSet'].includes(object.kind))) {
    throw new Error(fill(text.steps.noWorkload, { dir }));
  }
  return { workload, objects, dir };
}

/** The folder named by the first argument that is not a flag (`npm run deploy -- k8s-anti-pattern`), else k8s. */
export function folderArgument(argv = process.argv.slice(2)) {
  return (argv.find((arg) => !arg.startsWith('-')) ?? 'k8s').replace(/\/+$/, '');
}

/** The target the project was generated for: package.json `config.target`. */
export function defaultTarget() {
  return process.env.npm_package_config_target ?? JSON.parse(readFileSync('package.json', 'utf8')).config?.target;
}

/** The local cluster to deploy to: DEPLOY_TARGET, else the current kubectl context's, else the default. */
export function detectTarget(text) {
  const context = capture(['kubectl', 'config', 'current-context']);
  return chooseTarget({
    override: process.env.DEPLOY_TARGET,
    context: context.ok ? context.stdout : undefined,
    defaultTarget: defaultTarget(),
    text,
  });
}

/** The engine that builds images for `target` (see chooseEngine). */
export function detectEngine(target, text) {
  return chooseEngine(
    { env: process.env, target, text },
    { dockerRuns: () => capture(['docker', 'info']).ok, podmanInstalled: () => capture(['podman', '--version']).ok },
  );
}

/** Runs a command quietly; `ok` is false when it fails or is not installed. */
export function capture(command) {
  // A timeout, as `docker info` can hang on a stuck daemon.
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  return { ok: !result.error && result.status === 0, stdout: (result.stdout ?? '').trim() };
}

export const formatCommand = (command) =>
  command.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');

/**
 * Carries out steps in order, printing each first:
 *   { run: [command...], fix }   a command; on failure, say which and how to fix it
 *   { write: path, content }     a file
 *   { note }                     something worth knowing
 *   { wait, fix }                handed to `onWait` (e.g. waiting for pods)
 * With dryRun, only prints. Returns false when a step failed (already reported), in `text`'s words.
 */
export async function runSteps(steps, { dryRun = false, onWait, text }) {
  const failed = (what, values, fix) => {
    console.error(`\n✗ ${fill(what, values)}`);
    if (fix) console.error(`  ${fill(text.steps.fix, { fix })}`);
    return false;
  };
  for (const step of steps) {
    if (step.note) {
      console.log(`# ${step.note}`);
    } else if (step.write) {
      console.log(`# ${fill(text.steps.write, { path: step.write })}`);
      if (!dryRun) {
        mkdirSync(dirname(step.write), { recursive: true });
        writeFileSync(step.write, step.content);
      }
    } else if (step.run) {
      console.log(`$ ${formatCommand(step.run)}`);
      if (dryRun) continue;
      const result = spawnSync(step.run[0], step.run.slice(1), { stdio: 'inherit' });
      if (result.error?.code === 'ENOENT') return failed(text.steps.notInstalled, { command: step.run[0] }, step.fix);
      if (result.status !== 0) return failed(text.steps.failed, { command: formatCommand(step.run) }, step.fix);
    } else if (step.wait) {
      console.log(`# ${fill(text.steps.wait, { what: step.wait })}`);
      if (!dryRun && !(await onWait(step))) return failed(text.steps.gaveUp, { what: step.wait }, step.fix);
    }
  }
  return true;
}

/**
 * Copies each line of `input` to `output` with `prefix` in front, whole. When stdout and
 * stderr are one pipe (`npm run dev 2>&1 | less`), Node writes a long line to a full pipe in
 * parts, and a line written to the other stream meanwhile would land between them; so a line
 * for one stream waits until the other has handed the system everything it was given.
 */
export function prefixLines(input, output, prefix) {
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => writeWhole(output, `${prefix}${line}\n`));
}

const waiting = [];
let inFlight = 0;
let writingTo;

function writeWhole(stream, text) {
  waiting.push([stream, text]);
  writeWaiting();
}

function writeWaiting() {
  while (waiting.length > 0 && (inFlight === 0 || waiting[0][0] === writingTo)) {
    const [stream, text] = waiting.shift();
    writingTo = stream;
    inFlight += 1;
    // Called once the line is with the system, or failed (no reader left): either way it is done.
    stream.write(text, () => {
      inFlight -= 1;
      if (inFlight === 0) writeWaiting();
    });
  }
}

/** Preloaded into each container a runner starts: it stops itself if the runner dies without stopping it. */
const EXIT_WITH_RUNNER = fileURLToPath(new URL('./exit-with-runner.cjs', import.meta.url));

/**
 * Starts a container's process as `npm run dev` and `npm run demo` do: node with
 * exit-with-runner.cjs preloaded and told this runner's pid, its output piped to the runner, in
 * a process group of its own so the terminal's Ctrl-C reaches only the runner, which stops the
 * containers in order.
 */
export function spawnContainer(script, { env, cwd }) {
  return spawn(process.execPath, ['--require', EXIT_WITH_RUNNER, script], {
    cwd,
    env: { ...env, DEV_RUNNER_PID: String(process.pid) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
}
