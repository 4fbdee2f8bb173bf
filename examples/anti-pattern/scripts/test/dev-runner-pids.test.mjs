// scripts/dev.mjs itself, run on a pod of two tiny containers: it says each container's pid, a
// container frozen with SIGSTOP is left frozen (it has not exited), and a SIGKILLed one is
// started again under a new pid.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { fill } from '../lib/text-fill.mjs';
import { deployment, text, textPattern, writeText } from './fixtures.mjs';

const scripts = fileURLToPath(new URL('..', import.meta.url));
// The packages the scripts import, wherever this project's (or the generator's) node_modules is.
const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('yaml/package.json')));

/** A container that says it is alive every 100 ms until it is stopped. */
const TICKER = "setInterval(() => console.log('tick'), 100); process.on('SIGTERM', () => process.exit(0));";
/** A container that holds a port and says nothing: a dead runner's closed pipes would never stop it. */
const QUIET_SERVER = "require('node:net').createServer().listen(0); process.on('SIGTERM', () => process.exit(0));";

function fakeProject(code = TICKER, { volumes } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'dev-runner-'));
  cpSync(scripts, join(root, 'scripts'), { recursive: true, filter: (path) => !path.includes(`${join('scripts', 'test')}`) });
  writeText(root);
  symlinkSync(nodeModules, join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'k8s'));
  const containers = [{ name: 'app' }, { name: 'helper' }];
  writeFileSync(join(root, 'k8s/deployment.yaml'), stringify(deployment('demo', { containers, grace: 5, volumes })));
  writeFileSync(join(root, 'k8s/kustomization.yaml'), stringify({ resources: ['deployment.yaml'] }));
  for (const { name } of containers) {
    mkdirSync(join(root, 'containers', name, 'dist'), { recursive: true });
    writeFileSync(join(root, 'containers', name, 'dist/index.cjs'), code);
  }
  return root;
}

function runDev(root, env = process.env) {
  const child = spawn(process.execPath, ['scripts/dev.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const ended = new Promise((resolve) => child.on('close', resolve));
  return { child, ended, output: () => out };
}

/** Every `<name> | -- started, pid N` line (in the project's words), in order. */
const startsOf = (output, name) =>
  [...output.matchAll(new RegExp(`^${name} +\\| -- ${textPattern(text.dev.started, { pid: '(\\d+)' })}$`, 'gm'))].map((m) => Number(m[1]));

async function until(probe, what, output) {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const value = probe();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}\n${output()}`);
}

const processState = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
const commandLine = (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');

let cleanup = [];
afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

describe.skipIf(process.platform !== 'linux')('npm run dev, per container', () => {
  it('prints the pid of each container; SIGSTOP freezes it without a restart, SIGKILL restarts it under a new pid', async () => {
    const root = fakeProject();
    const dev = runDev(root);
    cleanup.push(
      () => dev.child.kill('SIGKILL'),
      () => rmSync(root, { recursive: true, force: true }),
    );

    const [app] = await until(() => startsOf(dev.output(), 'app').length && startsOf(dev.output(), 'app'), 'the app to start', dev.output);
    const [helper] = await until(
      () => startsOf(dev.output(), 'helper').length && startsOf(dev.output(), 'helper'),
      'the helper to start',
      dev.output,
    );
    // The pid printed is the container's own process, not the runner's.
    expect(commandLine(app)).toContain('containers/app/dist/index.cjs');
    expect(commandLine(helper)).toContain('containers/helper/dist/index.cjs');

    process.kill(app, 'SIGSTOP');
    await until(() => processState(app) === 'T', 'the app to be stopped', dev.output);
    const ticksBefore = dev
      .output()
      .split('\n')
      .filter((line) => /^helper +\| tick$/.test(line)).length;
    // Long enough for several restarts had the runner taken the frozen app for an exited one (the first comes after 1 s).
    await until(
      () =>
        dev
          .output()
          .split('\n')
          .filter((line) => /^helper +\| tick$/.test(line)).length >=
        ticksBefore + 30,
      '30 more ticks of the helper',
      dev.output,
    );
    expect(startsOf(dev.output(), 'app')).toEqual([app]);
    expect(dev.output()).not.toMatch(new RegExp(`^app +\\| -- ${textPattern(text.dev.restarting)}$`, 'm'));
    expect(processState(app)).toBe('T');

    process.kill(app, 'SIGCONT');
    process.kill(app, 'SIGKILL');
    const restarted = await until(() => startsOf(dev.output(), 'app')[1], 'the app to be restarted', dev.output);
    expect(restarted).not.toBe(app);
    const killed = fill(text.dev.bySignal, { signal: 'SIGKILL' });
    expect(dev.output()).toMatch(new RegExp(`^app +\\| -- ${textPattern(text.dev.restarting, { how: textPattern(killed) })}$`, 'm'));
    expect(startsOf(dev.output(), 'helper')).toEqual([helper]);

    dev.child.kill('SIGTERM');
    expect(await dev.ended).toBe(0);
  }, 90_000);

  it('killed with SIGKILL, leaves no container running (each stops itself as if the runner had sent SIGTERM) and no folder after the next run', async () => {
    const root = fakeProject(QUIET_SERVER, { volumes: [{ name: 'scratch', emptyDir: {} }] });
    const tmp = mkdtempSync(join(tmpdir(), 'dev-runner-tmp-'));
    const env = { ...process.env, TMPDIR: tmp };
    const dev = runDev(root, env);
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    cleanup.push(() => rmSync(tmp, { recursive: true, force: true }));
    const pids = [];
    for (const name of ['app', 'helper']) pids.push(await until(() => startsOf(dev.output(), name)[0], `the ${name} to start`, dev.output));
    cleanup.push(() => {
      for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
    });

    dev.child.kill('SIGKILL');
    await dev.ended;
    // The watch looks every 250 ms; then the container's own SIGTERM handler exits.
    await until(
      () => pids.every((pid) => !alive(pid)),
      'the orphaned containers to stop',
      () => `still running: ${pids.filter(alive)}`,
    );
    expect(pids.filter(alive)).toEqual([]);

    // Its emptyDir's folder outlived it; the next run removes it, and its own when it stops.
    const killedRunFolders = readdirSync(tmp);
    expect(killedRunFolders).toEqual([expect.stringMatching(`^pod-pattern-dev-${dev.child.pid}-`)]);
    const next = runDev(root, env);
    await until(() => startsOf(next.output(), 'helper')[0], 'the next run to start', next.output);
    const [nextFolder, ...more] = readdirSync(tmp);
    expect(more).toEqual([]);
    expect(nextFolder).toMatch(new RegExp(`^pod-pattern-dev-${next.child.pid}-`));
    next.child.kill('SIGTERM');
    expect(await next.ended).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);

  it('stopped by a signal the moment its folder appears, leaves no folder (5 runs)', async () => {
    const root = fakeProject(QUIET_SERVER, { volumes: [{ name: 'scratch', emptyDir: {} }] });
    const tmp = mkdtempSync(join(tmpdir(), 'dev-runner-tmp-'));
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    cleanup.push(() => rmSync(tmp, { recursive: true, force: true }));
    const left = [];
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGTERM', 'SIGINT']) {
      const dev = runDev(root, { ...process.env, TMPDIR: tmp });
      const watcher = watch(tmp, () => {
        watcher.close();
        dev.child.kill(signal);
      });
      await dev.ended;
      watcher.close();
      left.push(...readdirSync(tmp));
    }
    expect(left).toEqual([]);
  }, 120_000);
});

/** Running, not a zombie waiting for whoever adopted it to reap it. */
function alive(pid) {
  try {
    return processState(pid) !== 'Z';
  } catch {
    return false;
  }
}
