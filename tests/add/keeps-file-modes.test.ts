/**
 * The manifest `add` edits keeps its permissions: a private one (0600, it may hold secrets)
 * stays private, wherever it is. In the working folder it came back 0644, readable by all.
 */
import { chmodSync, cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../support/cli.js';
import { add, FIXTURES } from './support.js';

describe('add keeps the edited file’s permissions', () => {
  it.each([
    ['in the working folder', (dir: string) => dir],
    ['outside it', () => workspace()],
  ])('a 0600 manifest %s is still 0600', async (_where, folderOf) => {
    const dir = workspace();
    const file = join(folderOf(dir), 'manifest.yaml');
    cpSync(join(FIXTURES, 'shop.before.yaml'), file);
    chmodSync(file, 0o600);
    const result = await add(dir, ['sidecar', '--to', file]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });
});
