// A runner's temp folder: each run removes the folders that runners killed outright left behind,
// and never the folder of a runner that still runs (two runs at once, one whose pid means another
// process here), another kind's, or anything else in the temp folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** A pid nothing runs under now. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

/** Another process that makes a run folder in `base` and runs on; resolves with it and its folder. */
async function runner(kind, base) {
  const module = new URL('../lib/run-folder.mjs', import.meta.url).href;
  const code = `const { makeRunFolder } = await import(${JSON.stringify(module)});
    const folder = await makeRunFolder(${JSON.stringify(kind)}, { base: ${JSON.stringify(base)} });
    console.log(folder.path);
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.push(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  for (let waited = 0; !out.includes('\n'); waited += 20) {
    if (waited > 20_000) throw new Error('the runner did not make its folder');
    await sleep(20);
  }
  return { child, folder: out.trim() };
}

async function kill(child) {
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('run folders', () => {
  it("removes a runner's folder, with what is in it, once that runner was killed outright", async () => {
    const base = scratch();
    const { child, folder } = await runner('dev', base);
    mkdirSync(join(folder, 'demo-app-logs-x1'));
    writeFileSync(join(folder, 'demo-app-logs-x1', 'app.log'), 'a line\n');
    expect(await removeOrphanedRunFolders('dev', base)).toEqual([]);
    await kill(child);
    expect(await removeOrphanedRunFolders('dev', base)).toEqual([basename(folder)]);
    expect(existsSync(folder)).toBe(false);
  });

  it('keeps the folder of a runner that still runs, whatever pid its name says (a runner in a container sharing /tmp)', async () => {
    const base = scratch();
    const { folder } = await runner('demo', base);
    const renamed = join(base, `pod-pattern-demo-${deadPid()}-AbC123`);
    renameSync(folder, renamed);
    const mine = await makeRunFolder('demo', { base });
    cleanup.push(() => mine.remove());
    expect(readdirSync(base).sort()).toEqual([basename(renamed), basename(mine.path)].sort());
  });

  it('two runs at once in one process: neither removes the other', async () => {
    const base = scratch();
    const first = await makeRunFolder('dev', { base });
    const second = await makeRunFolder('dev', { base });
    expect(basename(first.path)).toMatch(new RegExp(`^pod-pattern-dev-${process.pid}-\\w{6}$`));
    expect(readdirSync(base).sort()).toEqual([basename(first.path), basename(second.path)].sort());
    first.remove();
    expect(readdirSync(base)).toEqual([basename(second.path)]);
    second.remove();
    expect(readdirSync(base)).toEqual([]);
  });

  it('a folder whose runner died before its socket was made is left a minute, then removed', async () => {
    const base = scratch();
    const young = join(base, `pod-pattern-dev-${deadPid()}-Young1`);
    const old = join(base, `pod-pattern-dev-${deadPid()}-Old123`);
    mkdirSync(young);
    mkdirSync(old);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(old, twoMinutesAgo, twoMinutesAgo);
    expect(await removeOrphanedRunFolders('dev', base)).toEqual([basename(old)]);
    expect(readdirSync(base)).toEqual([basename(young)]);
  });

  /** A temp folder whose run folders' socket paths are past the 103 bytes a Unix socket may have (Node cuts them short). */
  function longBase() {
    const base = join(scratch(), 'a-temp-folder-with-a-long-name'.repeat(3));
    mkdirSync(base);
    return base;
  }

  it.runIf(process.platform === 'linux')(
    'in a temp folder too long for a socket path, still asks the socket (through /proc/self/fd): a live runner kept under a dead pid, a killed one removed at once',
    async () => {
      const base = longBase();
      const { folder: live } = await runner('dev', base);
      const { child, folder: killed } = await runner('dev', base);
      expect(readdirSync(live)).toEqual(['runner.sock']);
      // What the pid and age rule would get wrong: a live runner whose pid means nothing here.
      const renamed = join(base, `pod-pattern-dev-${deadPid()}-AbC123`);
      renameSync(live, renamed);
      const longAgo = new Date(Date.now() - 120_000);
      utimesSync(renamed, longAgo, longAgo);
      await kill(child);
      expect(await removeOrphanedRunFolders('dev', base)).toEqual([basename(killed)]);
      expect(readdirSync(base)).toEqual([basename(renamed)]);
    },
  );

  it.skipIf(process.platform === 'linux')(
    'where a socket path would be too long (and cut short), falls back on the pid: a live runner kept, a dead one removed',
    async () => {
      const base = longBase();
      const live = await makeRunFolder('dev', { base });
      cleanup.push(() => live.remove());
      const { child, folder } = await runner('dev', base);
      await kill(child);
      expect(readdirSync(live.path)).toEqual([]);
      expect(readdirSync(folder)).toEqual([]);
      const longAgo = new Date(Date.now() - 120_000);
      for (const dir of [live.path, folder]) utimesSync(dir, longAgo, longAgo);
      expect(await removeOrphanedRunFolders('dev', base)).toEqual([basename(folder)]);
      expect(readdirSync(base)).toEqual([basename(live.path)]);
    },
  );

  it('never touches a file, a link (nor what it points to), another kind, or a name it would not make', async () => {
    const base = scratch();
    const { child, folder } = await runner('dev', base);
    await kill(child);
    const target = scratch();
    writeFileSync(join(target, 'keep.txt'), 'mine\n');
    const dead = deadPid();
    const other = await runner('demo', base);
    await kill(other.child);
    const kept = [
      `pod-pattern-dev-${dead}-File12`,
      `pod-pattern-dev-${dead}-Link12`,
      `pod-pattern-dev-0${dead}-Lead0s`,
      `pod-pattern-dev-${dead}-TooLong1`,
      `pod-pattern-dev-1e3-Expon1`,
      'pod-pattern-claims',
      basename(other.folder),
    ];
    writeFileSync(join(base, kept[0]), 'a file\n');
    symlinkSync(target, join(base, kept[1]));
    for (const name of kept.slice(2, 6)) {
      mkdirSync(join(base, name));
      utimesSync(join(base, name), new Date(0), new Date(0));
    }
    expect(await removeOrphanedRunFolders('dev', base)).toEqual([basename(folder)]);
    expect(readdirSync(base).sort()).toEqual([...kept].sort());
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });
});
