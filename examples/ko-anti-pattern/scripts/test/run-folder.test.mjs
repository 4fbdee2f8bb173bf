// A runner's temp folder: each run removes the folders that runners killed outright left behind,
// and never the folder of a runner that still runs (two runs at once), another kind's, or
// anything else in the temp folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRunFolder, removeOrphanedRunFolders } from '../lib/run-folder.mjs';

let cleanup = [];
afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'run-folder-test-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The pid of a process that has exited (and been reaped): nothing runs under it now. */
function deadPid() {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
}

function livePid() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  cleanup.push(() => child.kill('SIGKILL'));
  return child.pid;
}

describe('run folders', () => {
  it("removes a dead runner's folder with what is in it; keeps a live runner's, another kind's and unrelated ones", () => {
    const base = scratch();
    const dead = join(base, `pod-pattern-dev-${deadPid()}-AbC123`);
    mkdirSync(join(dead, 'demo-app-logs-x1'), { recursive: true });
    writeFileSync(join(dead, 'demo-app-logs-x1', 'app.log'), 'a line\n');
    const kept = [
      `pod-pattern-dev-${livePid()}-XyZ789`,
      `pod-pattern-demo-${deadPid()}-QwE456`,
      'pod-pattern-dev-notapid-RtY000',
      'pod-pattern-claims',
      'something-else',
    ];
    for (const name of kept) mkdirSync(join(base, name));

    expect(removeOrphanedRunFolders('dev', base)).toEqual([basename(dead)]);
    expect(existsSync(dead)).toBe(false);
    expect(readdirSync(base).sort()).toEqual([...kept].sort());
  });

  it("makes this run's folder under its own pid, after clearing the dead ones", () => {
    const base = scratch();
    const dead = join(base, `pod-pattern-demo-${deadPid()}-AbC123`);
    mkdirSync(dead);
    const folder = makeRunFolder('demo', { base });
    expect(basename(folder)).toMatch(new RegExp(`^pod-pattern-demo-${process.pid}-\\w{6}$`));
    expect(readdirSync(base)).toEqual([basename(folder)]);
    // A second run at once (another pid, still running) leaves this one alone.
    const other = makeRunFolder('demo', { base, pid: livePid() });
    expect(readdirSync(base).sort()).toEqual([basename(folder), basename(other)].sort());
  });
});
