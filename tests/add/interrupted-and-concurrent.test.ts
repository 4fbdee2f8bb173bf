/**
 * `add` killed while it writes, or run twice at once: the file is read and the edit planned
 * under the folder's lock, once what a killed run left is undone. So a killed run is finished
 * off by the next one (never "the file does not exist", never "the helper is already there"
 * with its code missing), and of two runs at once the second refuses or comes after the first,
 * never writing its edit over the first's.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { workspace } from '../support/cli.js';
import { privateCli } from '../support/private-cli.js';
import { differences, snapshot } from '../support/tree.js';
import { FIXTURES } from './support.js';

const cli = privateCli();
const FIXTURE = 'shop.before.yaml';
const PRELOAD = join(import.meta.dirname, '../support/signal-during-move.cjs');

/** A folder holding only the fixture, as `manifest.yaml`. */
function looseFolder(): string {
  const dir = workspace();
  cpSync(join(FIXTURES, FIXTURE), join(dir, 'manifest.yaml'));
  return dir;
}

const addArgs = (helpers: string, to = 'manifest.yaml') => ['add', helpers, '--to', to];

/** The containers of the `shop` Deployment, as the file now says. */
function containersOf(file: string): string[] {
  const docs = readFileSync(file, 'utf8')
    .split(/^---$/m)
    .map((text) => parseDocument(text).toJS());
  const shop = docs.find((doc) => doc?.kind === 'Deployment' && doc.metadata?.name === 'shop');
  const spec = shop.spec.template.spec;
  return [...(spec.initContainers ?? []), ...spec.containers].map((c: { name: string }) => c.name).sort();
}

describe('add, SIGKILLed during its Nth move into the folder, then run again', () => {
  it('ends exactly as one clean run does, whichever move the kill lands on', async () => {
    const reference = looseFolder();
    expect((await cli.run(addArgs('sidecar,adapter'), { cwd: reference })).exitCode).toBe(0);
    const expected = snapshot(reference);
    const wrong: string[] = [];
    let killed = 0;
    for (let move = 1; move <= 6; move++) {
      const dir = looseFolder();
      const first = await execa(process.execPath, ['--require', PRELOAD, cli.path, ...addArgs('sidecar,adapter')], {
        cwd: dir,
        reject: false,
        input: '',
        env: { CPP_TEST_SIGNAL_DURING_MOVE: `SIGKILL:${move}` },
      });
      if (first.signal === 'SIGKILL') killed++;
      const again = await cli.run(addArgs('sidecar,adapter'), { cwd: dir });
      if (first.signal === 'SIGKILL' && again.exitCode !== 0) wrong.push(`move ${move}: exit ${again.exitCode}: ${again.stderr.trim()}`);
      const diff = differences(expected, snapshot(dir));
      // Killed after its last move, the run had done it all: the second rightly refuses, and the folder is the first's.
      if (diff.length) wrong.push(`move ${move}: differs in ${diff.slice(0, 4).join(', ')}`);
    }
    expect(wrong).toEqual([]);
    expect(killed).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('two add runs at once on one folder', () => {
  it('never lose an edit: each helper in the manifest has its code, each added code its helper, and a loser says so (10 rounds)', async () => {
    const outcomes = { both: 0, oneRefused: 0 };
    const wrong: string[] = [];
    for (let round = 0; round < 10; round++) {
      const dir = looseFolder();
      const [a, b] = await Promise.all([cli.run(addArgs('sidecar'), { cwd: dir }), cli.run(addArgs('adapter'), { cwd: dir })]);
      const containers = containersOf(join(dir, 'manifest.yaml'));
      const folders = existsSync(join(dir, 'containers')) ? readdirSync(join(dir, 'containers')).sort() : [];
      const helpersIn = ['adapter', 'log-shipper'].filter((name) => containers.includes(name));
      if (JSON.stringify(helpersIn) !== JSON.stringify(folders)) wrong.push(`round ${round}: manifest ${helpersIn}, folders ${folders}`);
      const codes = [a.exitCode, b.exitCode].sort().join(',');
      if (codes === '0,0' && helpersIn.length === 2) outcomes.both++;
      else if (codes === '0,2' && helpersIn.length === 1 && /another run|writing/.test(`${a.stderr}${b.stderr}`)) outcomes.oneRefused++;
      else wrong.push(`round ${round}: exits ${codes}, helpers ${helpersIn}: ${a.stderr}${b.stderr}`);
    }
    console.log(`two adds at once, 10 rounds: ${outcomes.both} both added, ${outcomes.oneRefused} one refused`);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('on a manifest outside the working folder as well (written alone, locked all the same)', async () => {
    const wrong: string[] = [];
    for (let round = 0; round < 10; round++) {
      const elsewhere = looseFolder();
      const cwd = workspace();
      const to = join(elsewhere, 'manifest.yaml');
      const [a, b] = await Promise.all([cli.run(addArgs('sidecar', to), { cwd }), cli.run(addArgs('adapter', to), { cwd })]);
      const containers = containersOf(to);
      const added = ['adapter', 'log-shipper'].filter((name) => containers.includes(name)).length;
      const succeeded = [a, b].filter((r) => r.exitCode === 0).length;
      if (added !== succeeded) wrong.push(`round ${round}: ${succeeded} exited 0, ${added} helpers in the file: ${a.stderr}${b.stderr}`);
      if (readdirSync(elsewhere).join() !== 'manifest.yaml') wrong.push(`round ${round}: left ${readdirSync(elsewhere)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("a killed run's temporary file beside a manifest outside the working folder is removed by the next run", async () => {
    const elsewhere = looseFolder();
    const leftover = join(elsewhere, '.manifest.yaml.add-99999.tmp');
    writeFileSync(leftover, 'half an edit');
    const result = await cli.run(addArgs('sidecar', join(elsewhere, 'manifest.yaml')), { cwd: workspace() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual(['manifest.yaml']);
  });
});
