/**
 * The tests clean up after themselves, the generated project's among them (its `npm test` runs
 * on a user's machine). Run with a temp folder of their own, these files, which use every
 * helper that makes one (lint fixtures, a container bundle, a bundled process), leave it as
 * empty as they found it. Before, each full run left dozens of folders behind: cleaning up on
 * process 'exit' never ran, since vitest ends its workers without one.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '..');
const FILES = [
  'tests/lint/registry.test.ts',
  'templates/containers/log-shipper/test/stdout.test.ts',
  'templates/containers/upstream/test/readiness.test.ts',
];

const scratch = mkdtempSync(join(tmpdir(), 'cpp-temp-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('a vitest run of tests that make temp folders leaves none behind', async () => {
  const temp = mkdtempSync(join(scratch, 'tmp-'));
  // A config of its own: the repository's would rebuild dist/ while other tests run the CLI.
  const config = join(scratch, 'vitest.config.mjs');
  writeFileSync(config, `export default { test: { root: ${JSON.stringify(REPO)}, testTimeout: 30000 } };\n`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const run = await execa(process.execPath, [join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config, ...FILES], {
    cwd: REPO,
    env: { ...env, TMPDIR: temp, NO_COLOR: '1' },
    extendEnv: false,
    all: true,
    reject: false,
  });
  expect(run.exitCode, run.all).toBe(0);
  expect(run.all).toMatch(/Test Files {2}3 passed \(3\)/);
  expect(readdirSync(temp)).toEqual([]);
}, 90_000);
