/**
 * `add` takes a Deployment as people write it: config and secret volumes, envFrom, valueFrom,
 * exec probes, lifecycle hooks, a strategy, affinity, tolerations, pull secrets. The built CLI
 * leaves out of its other parts the schemas no generated manifest uses; `add` checks the
 * user's whole Deployment, so it must keep every one (it refused all of the above, exit 2,
 * "would not be valid", while the same code run from source took them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { add, copyFixture, fixture } from './support.js';

describe('add on a Deployment with fields the generator never writes', () => {
  it.each([['sidecar'], ['ambassador'], ['adapter'], ['sidecar,ambassador,adapter']])(
    'adds %s, keeping every line of the file',
    async (helpers) => {
      const { dir, file } = copyFixture('everyday.before.yaml');
      const result = await add(dir, [helpers, '--to', 'manifest.yaml']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      const after = readFileSync(file, 'utf8').split('\n');
      let at = 0;
      for (const line of fixture('everyday.before.yaml').split('\n')) {
        at = after.indexOf(line, at);
        expect(at, line).toBeGreaterThanOrEqual(0);
        at += 1;
      }
    },
  );

  it('still refuses what is not valid in such a field, saying where', async () => {
    const { dir, file } = copyFixture('everyday.before.yaml');
    const broken = fixture('everyday.before.yaml').replace('claimName: orders-data', 'claimName: [orders-data]');
    expect(parseDocument(broken).errors).toEqual([]);
    writeFileSync(file, broken);
    const result = await add(dir, ['sidecar', '--to', 'manifest.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/would not be valid: .*volumes\/2\/persistentVolumeClaim\/claimName/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});
