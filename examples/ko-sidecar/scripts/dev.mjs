// npm run dev: every container of k8s/ as a local process, run the way the kubelet runs a pod.
// They share this machine's localhost as a pod's containers share theirs; each emptyDir is a
// temp folder, each PersistentVolumeClaim a folder kept between runs. Ctrl-C (or SIGTERM) stops
// the app first, then its helpers, then the companions; peers (no k8s/deployment.yaml) in
// reverse start order.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimDirsOf, devUrls, emptyDirsOf, planDev, portProblems, restartDelayMs, stopPhases } from './lib/dev-plan.mjs';
import { hostEnv, prefixLines, projectRoot, readManifests, spawnContainer } from './lib/io.mjs';
import { makeRunFolder } from './lib/run-folder.mjs';
import { text } from './lib/text.mjs';
import { fill } from './lib/text-fill.mjs';

// Built here, not with `build && dev` in package.json: with no shell between npm and this
// runner, Ctrl-C reaches it directly and npm waits until every container has stopped.
await import('./build.mjs');
if (process.exitCode) process.exit(process.exitCode);

/** A run this long counts as healthy: the next crash restarts quickly again. */
const HEALTHY_RUN_MS = 10_000;
/** Ctrl-C, SIGTERM (a supervisor, `kill`) and a closing terminal: each stops the pod in order. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

process.chdir(projectRoot);
const manifests = readManifests('k8s', text);
// Each emptyDir is a folder in this run's temp folder, gone when dev stops (or, if this runner is
// killed outright, when the next run starts).
const emptyDirs = emptyDirsOf(manifests);
let runFolder;
const removeVolumes = () => runFolder?.remove();
// Until the handlers below take over, a signal has only this folder to clean up.
const stopEarly = () => {
  removeVolumes();
  process.exit(0);
};
for (const signal of STOP_SIGNALS) process.on(signal, stopEarly);
runFolder = emptyDirs.length > 0 ? await makeRunFolder('dev') : undefined;
const volumeDirs = Object.fromEntries(
  emptyDirs.map(({ key, deployment, volume }) => [key, mkdtempSync(join(runFolder.path, `${deployment}-${volume}-`))]),
);
// A claim outlives its pod: its folder is kept when dev stops and found again on the next run
// (one set of folders per project, named after the claim).
const claimRoot = join(tmpdir(), 'pod-pattern-claims', createHash('sha256').update(projectRoot).digest('hex').slice(0, 12));
const claimDirs = Object.fromEntries(
  claimDirsOf(manifests).map(({ key, claim }) => {
    const dir = join(claimRoot, claim);
    mkdirSync(dir, { recursive: true });
    return [key, { claim, dir }];
  }),
);
const processes = planDev(manifests, {
  volumeDirs: { ...volumeDirs, ...Object.fromEntries(Object.entries(claimDirs).map(([key, { dir }]) => [key, dir])) },
});
const width = Math.max(...processes.map(({ name }) => name.length));
const prefix = (name) => `${name.padEnd(width)} | `;

const problems = [
  ...processes.filter(({ script }) => !existsSync(script)).map(({ name, script }) => fill(text.dev.missingBuild, { name, script })),
  ...portProblems(processes, await busyPorts(processes), text),
];
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  removeVolumes();
  process.exit(1);
}

console.log(fill(text.dev.running, { names: processes.map(({ name }) => name).join(', ') }));
for (const [key, dir] of Object.entries(volumeDirs)) console.log(`  emptyDir ${key}: ${dir}`);
for (const { claim, dir } of Object.values(claimDirs)) console.log(`  ${fill(text.dev.claim, { claim, dir })}`);
for (const url of devUrls(manifests)) console.log(`  ${url}`);

const running = new Map();
let stopping = false;
// SIGHUP is a closing terminal: without a handler, the runner would die at once and leave the
// containers running. Each is handled here before stopEarly lets go, so none falls in between.
for (const signal of STOP_SIGNALS) process.on(signal, () => stopAll(signal));
for (const signal of STOP_SIGNALS) process.off(signal, stopEarly);
// Once no one reads our output (terminal closed, npm gone), writing fails: stop the containers anyway.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
process.on('exit', () => {
  for (const container of running.values()) container.kill();
});
// `npm run dev` starts this script through a shell. A SIGTERM sent to npm alone (a supervisor, an
// editor's stop button, `kill <pid of npm>`) reaches that shell, which exits without passing it on:
// the containers, in process groups of their own, would run on with no one to stop them. So an
// orphaned runner stops them as if it had been signalled. (Unix only: elsewhere ppid never changes.)
// A closing terminal also takes npm: let a SIGHUP or SIGINT that came with it be handled first
// (timers run before signal handlers in an event-loop turn; setImmediate runs after them), so
// the runner says why it really stops.
const parentPid = process.ppid;
const orphanWatch = setInterval(() => process.ppid !== parentPid && setImmediate(() => stopAll(text.dev.parentGone)), 250);
orphanWatch.unref();

for (const plan of processes) {
  if (stopping) break;
  running.set(plan, supervise(plan));
  if (plan.waitFor) await waitUntilStarted(plan);
}

/** Runs one container, restarting it with backoff when it exits on its own (restartPolicy: Always). */
function supervise({ name, script, env, graceSeconds }) {
  let child;
  let exited;
  let restarts = 0;
  let restartTimer;
  let stopped = false;
  const say = (template, values) => console.log(`${prefix(name)}-- ${fill(template, values)}`);

  function start() {
    const startedAt = Date.now();
    child = spawnContainer(script, { env: { ...hostEnv, ...env } });
    // The pid is what `kill -STOP <pid>` (freeze it) or `kill -9 <pid>` (crash it) needs.
    say(text.dev.started, { pid: child.pid });
    prefixLines(child.stdout, process.stdout, prefix(name));
    prefixLines(child.stderr, process.stderr, prefix(name));
    // Only an exit restarts a container. One stopped with SIGSTOP has not exited: it stays
    // frozen, holding its port, until SIGCONT, as a hung container would until a liveness
    // probe failed (which this runner, unlike the kubelet, does not run).
    exited = new Promise((resolve) =>
      child.on('close', (code, signal) => {
        resolve();
        const how = signal ? fill(text.dev.bySignal, { signal }) : fill(text.dev.byCode, { code });
        if (stopped) return say(text.dev.stopped, { how });
        if (Date.now() - startedAt > HEALTHY_RUN_MS) restarts = 0;
        const delay = restartDelayMs(restarts++);
        say(text.dev.restarting, { how, seconds: delay / 1000 });
        restartTimer = setTimeout(start, delay);
      }),
    );
  }
  start();

  return {
    /** SIGTERM, then SIGKILL once the grace period is over, as the kubelet does. */
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let graceTimer;
      const graceOver = new Promise((resolve) => (graceTimer = setTimeout(resolve, graceSeconds * 1000, 'over')));
      if ((await Promise.race([exited, graceOver])) === 'over') {
        say(text.dev.killing, { seconds: graceSeconds });
        child.kill('SIGKILL');
        await exited;
      }
      clearTimeout(graceTimer);
    },
    kill: () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'),
  };
}

async function stopAll(signal) {
  if (stopping) {
    if (signal.startsWith('SIG')) console.log(text.dev.stillStopping);
    return;
  }
  stopping = true;
  clearInterval(orphanWatch);
  const order = processes.some((p) => p.role === 'peer') ? text.dev.stoppingPeers : text.dev.stoppingPod;
  console.log(`\n${fill(order, { why: signal })}`);
  for (const phase of stopPhases([...running.keys()])) {
    await Promise.all(phase.map((plan) => running.get(plan).stop()));
  }
  removeVolumes();
  process.exit(0);
}

/** The kubelet starts the next container only once a native sidecar's startup probe passes. */
async function waitUntilStarted({ name, waitFor: { port, path } }) {
  const url = `http://127.0.0.1:${port}${path}`;
  for (let tries = 0; tries < 60 && !stopping; tries += 1) {
    if (await answers(url)) return;
    await sleep(500);
  }
  if (!stopping) console.log(`${prefix(name)}-- ${fill(text.dev.noAnswer, { url })}`);
}

function answers(url) {
  return new Promise((resolve) => {
    get(url, { timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode >= 200 && response.statusCode < 400);
    })
      .on('timeout', function () {
        this.destroy();
      })
      .on('error', () => resolve(false));
  });
}

async function busyPorts(plans) {
  const busy = new Set();
  for (const port of new Set(plans.flatMap(({ ports }) => ports))) {
    // Containers bind all interfaces or loopback only; either is blocked by a listener on the other.
    if (!(await canListen(port)) || !(await canListen(port, '127.0.0.1'))) busy.add(port);
  }
  return busy;
}

function canListen(port, host) {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
