import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM list shared with scripts/examples.mjs
import { EXAMPLES } from '../scripts/examples-list.mjs';
import { listFiles, runCli, workspace } from './support/cli.js';

const ROOT = resolve(import.meta.dirname, '..');
/** What `npm install`, `npm run build` or an editor may add inside an example. */
const local = (f: string) => !/(^|\/)(node_modules|dist)\//.test(f) && f !== 'package-lock.json';

describe.each(EXAMPLES as { dir: string; args: string[] }[])('examples/$dir', ({ dir, args }) => {
  it('is exactly what the generator writes today (regenerate with `npm run examples`)', async () => {
    const ws = workspace();
    const out = join(ws, dir);
    expect((await runCli([out, ...args])).exitCode).toBe(0);
    const example = join(ROOT, 'examples', dir);
    const golden = listFiles(example).filter(local);
    expect(golden).toEqual(listFiles(out));
    for (const file of golden) expect(readFileSync(join(example, file), 'utf8'), file).toBe(readFileSync(join(out, file), 'utf8'));
  });
});
