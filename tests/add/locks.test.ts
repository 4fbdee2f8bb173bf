/**
 * The lock `add` takes holds however runs meet: two that find a killed run's stale lock at once
 * (one removed the other's new lock in its place: both wrote, and one's rollback deleted the
 * other's code), a file named from its own folder and from above it (two different locks: both
 * exited 0, one edit lost), a file named from elsewhere after a run killed in its folder (it read
 * the half-done file; the next run's undoing then dropped its edit). Slowed by a preload
 * (tests/support/slow-fs.cjs), so that the runs meet on any machine.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { workspace } from '../support/cli.js';
import { privateCli } from '../support/private-cli.js';
import { FIXTURES } from './support.js';

const cli = privateCli();

function slowRun(cwd: string, args: string[], env: Record<string, string>) {
  return execa(process.execPath, ['--require', join(import.meta.dirname, '../support/slow-fs.cjs'), cli.path, ...args], {
    cwd,
    reject: false,
    input: '',
    env: { NO_COLOR: '1', LANG: 'C.UTF-8', ...env },
  });
}

/** The helper containers in the `shop` Deployment of `file`. */
function helpersIn(file: string): string[] {
  const doc = readFileSync(file, 'utf8')
    .split(/^---$/m)
    .map((text) => parseDocument(text).toJS())
    .find((d) => d?.kind === 'Deployment');
  const spec = doc.spec.template.spec;
  return [...(spec.initContainers ?? []), ...spec.containers]
    .map((c: { name: string }) => c.name)
    .filter((name: string) => name !== 'web')
    .sort();
}

const folders = (dir: string) => (existsSync(join(dir, 'containers')) ? readdirSync(join(dir, 'containers')).sort() : []);

describe('the lock add takes', () => {
  it("of runs that find a killed run's stale lock at once, one takes it over and the others wait or refuse (three runs, 5 rounds)", async () => {
    const wrong: string[] = [];
    for (let round = 0; round < 5; round++) {
      const dir = workspace();
      cpSync(join(FIXTURES, 'shop.before.yaml'), join(dir, 'manifest.yaml'));
      symlinkSync('4194999-1', join(dir, '.cpp-lock')); // a pid above Linux's largest: no one
      const slow = { CPP_TEST_SLOW_UNLINK_MS: '800', CPP_TEST_SLOW_RENAME_MS: '30' };
      const runs = [];
      for (const helper of ['sidecar', 'adapter', 'ambassador']) {
        runs.push(slowRun(dir, ['add', helper, '--to', 'manifest.yaml'], slow));
        await sleep(200);
      }
      const results = await Promise.all(runs);
      const helpers = helpersIn(join(dir, 'manifest.yaml'));
      const ok = results.filter((r) => r.exitCode === 0).length;
      const said = results.map((r) => r.stderr).join('');
      if (ok !== helpers.length) wrong.push(`round ${round}: ${ok} exited 0, the file holds ${helpers}: ${said}`);
      const code = folders(dir).filter((name) => name !== 'upstream');
      if (JSON.stringify(code) !== JSON.stringify(helpers)) wrong.push(`round ${round}: code for ${code}, file ${helpers}`);
      if (results.some((r) => r.exitCode !== 0 && r.exitCode !== 2)) wrong.push(`round ${round}: exits ${results.map((r) => r.exitCode)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('is the same for a file named from its own folder and from the folder above', async () => {
    const top = workspace();
    const sub = join(top, 'sub');
    mkdirSync(sub);
    cpSync(join(FIXTURES, 'shop.before.yaml'), join(sub, 'manifest.yaml'));
    const first = slowRun(top, ['add', 'sidecar', '--to', 'sub/manifest.yaml'], { CPP_TEST_SLOW_RENAME_MS: '300' });
    await sleep(700);
    const second = await slowRun(sub, ['add', 'adapter', '--to', 'manifest.yaml'], {});
    const firstDone = await first;
    const helpers = helpersIn(join(sub, 'manifest.yaml'));
    const ok = [firstDone, second].filter((r) => r.exitCode === 0).length;
    expect({ ok, helpers: helpers.length }, `${firstDone.stderr}${second.stderr}`).toEqual({ ok: helpers.length, helpers: helpers.length });
  }, 60_000);

  it('a run naming the file from elsewhere first undoes what a run killed in its folder left', async () => {
    const dir = workspace();
    cpSync(join(FIXTURES, 'shop.before.yaml'), join(dir, 'manifest.yaml'));
    const killed = await execa(
      process.execPath,
      ['--require', join(import.meta.dirname, '../support/signal-during-move.cjs'), cli.path, 'add', 'sidecar', '--to', 'manifest.yaml'],
      {
        cwd: dir,
        reject: false,
        input: '',
        env: { CPP_TEST_SIGNAL_DURING_MOVE: 'SIGKILL:1' },
      },
    );
    expect(killed.signal).toBe('SIGKILL');
    const elsewhere = await cli.run(['add', 'ambassador', '--to', join(dir, 'manifest.yaml')], { cwd: workspace() });
    expect(elsewhere.exitCode, elsewhere.stderr).toBe(0);
    const again = await cli.run(['add', 'adapter', '--to', 'manifest.yaml'], { cwd: dir });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(helpersIn(join(dir, 'manifest.yaml'))).toEqual(['adapter', 'ambassador']);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('never removes a .cpp-lock that is not a lock of its own (a file of the user), exit 2', async () => {
    const dir = workspace();
    cpSync(join(FIXTURES, 'shop.before.yaml'), join(dir, 'manifest.yaml'));
    writeFileSync(join(dir, '.cpp-lock'), 'mine');
    const result = await cli.run(['add', 'sidecar', '--to', 'manifest.yaml'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/\.cpp-lock is not a lock create-pod-pattern made/);
    expect(readFileSync(join(dir, '.cpp-lock'), 'utf8')).toBe('mine');
  });
});
