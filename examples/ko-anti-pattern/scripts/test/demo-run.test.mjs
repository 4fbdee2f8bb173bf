// scripts/demo.mjs itself, on the shop's two designs with the stand-in containers: --json prints
// only the measured results on stdout; Ctrl-C or SIGTERM in the middle of a lesson stops every
// process it started and removes every folder it made.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeShopProject, importLib, processesOf } from './shop.mjs';

const root = await fakeShopProject();
// What the demo says, in the project's language (the English catalog in the generator's repository).
const { text } = await importLib(root, 'demo-text.mjs');
const literal = (words) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `  [<design>] started <folder>/: ...`, as the demo says a design's pods are ready. */
const started = (designs) =>
  new RegExp(`^ {2}\\[(?:${designs.map(literal).join('|')})\\] ${literal(text.steps.started).replace(/\\\{\w+\\\}/g, '.*?')}`, 'gm');
const scratch = [];
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The demo as `npm run demo` runs it, with a TMPDIR of its own to see what it leaves there. */
function runDemo(args, tmp = mkdtempSync(join(tmpdir(), 'demo-run-test-'))) {
  scratch.push(tmp);
  const child = spawn(process.execPath, ['scripts/demo.mjs', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ended = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, ended, tmp, stdout: () => stdout, stderr: () => stderr };
}

async function until(probe, what, run) {
  for (let waited = 0; waited < 90_000; waited += 100) {
    if (probe()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}\n${run.stdout()}\n${run.stderr()}`);
}

describe('npm run demo', () => {
  it('--json: only the measured results on stdout, the three lessons as the designs give them', async () => {
    const run = runDemo(['--json']);
    const { code } = await run.ended;
    expect(code, run.stderr()).toBe(0);
    expect(JSON.parse(run.stdout())).toEqual({
      scaling: {
        antiPattern: { replicas: 3, writes: 10, databases: 3, answers: [4, 3, 3] },
        fix: { replicas: 3, writes: 10, databases: 1, answers: [10, 10, 10] },
      },
      failure: {
        antiPattern: { requests: 10, pageOk: 0, apiDatabaseUnavailable: 0, failed: 10 },
        fix: { requests: 10, pageOk: 10, apiDatabaseUnavailable: 10, failed: 0 },
      },
      rollout: {
        antiPattern: { dbRestarted: true, visitsBefore: 10, visitsAfter: 0 },
        fix: { dbRestarted: false, visitsBefore: 10, visitsAfter: 10 },
      },
    });
    // The steps went to stderr, each lesson on both designs, then the table.
    expect(run.stderr().match(started([text.designs.antiPattern, text.designs.fix]))).toHaveLength(6);
    const { lessons, rows, yes, no } = text.summary;
    expect(run.stderr()).toMatch(new RegExp(`^${literal(lessons.rollout)} +${literal(rows.dbRestarted)} +${yes} +${no}$`, 'm'));
    expect(processesOf(root)).toEqual([]);
    expect(readdirSync(run.tmp)).toEqual([]);
  }, 180_000);

  for (const [signal, exitCode] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ]) {
    it(`${signal} in the middle of a lesson stops every pod it started, and removes their folders`, async () => {
      const run = runDemo([]);
      // The fix at three replicas: seven containers running, with the anti-pattern's nine gone before.
      // Both are looked at together: on a busy machine the scaling lesson can be over, and its pods
      // stopped, between the line being printed and this test seeing it; a later lesson's fix is then
      // the one interrupted.
      let running = [];
      const fixStarted = started([text.designs.fix]);
      const fixRunning = () => {
        fixStarted.lastIndex = 0;
        if (!fixStarted.test(run.stdout())) return false;
        running = processesOf(root);
        return running.length >= 7;
      };
      await until(fixRunning, 'the fix to be running', run);
      run.child.kill(signal);
      const { code } = await run.ended;
      expect(code, run.stdout() + run.stderr()).toBe(exitCode);
      expect(running.filter((pid) => processesOf(root).includes(pid))).toEqual([]);
      expect(processesOf(root)).toEqual([]);
      expect(readdirSync(run.tmp)).toEqual([]);
    }, 180_000);
  }

  it('killed with SIGKILL in the middle of a lesson, leaves no container running (each stops itself) and no folder after the next run', async () => {
    const run = runDemo([]);
    await until(() => processesOf(root).length >= 3, 'pods to be running', run);
    const running = processesOf(root);
    run.child.kill('SIGKILL');
    await run.ended;
    // No handler runs on SIGKILL: each container sees its runner gone (scripts/lib/exit-with-runner.cjs).
    await until(() => processesOf(root).length === 0, 'the orphaned containers to stop', run);
    expect(running.filter((pid) => processesOf(root).includes(pid))).toEqual([]);

    // Its folder outlived it; the next run removes it first, and its own when stopped.
    expect(readdirSync(run.tmp)).toEqual([expect.stringMatching(new RegExp(`^pod-pattern-demo-${run.child.pid}-`))]);
    const next = runDemo([], run.tmp);
    await until(() => processesOf(root).length >= 3, "the next run's pods to be running", next);
    expect(readdirSync(run.tmp)).toEqual([expect.stringMatching(new RegExp(`^pod-pattern-demo-${next.child.pid}-`))]);
    next.child.kill('SIGTERM');
    await next.ended;
    expect(readdirSync(run.tmp)).toEqual([]);
  }, 240_000);
});
