import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * A generated project's TypeScript, its tests included, compiles under its own tsconfig (strict):
 * what a student opens in an editor shows no red. Between them, these two examples hold every
 * container the generator writes (examples-match-generator keeps them equal to its output).
 */
describe('the code of a generated project typechecks', () => {
  it.each(['all-helpers', 'anti-pattern'])(
    'examples/%s: tsc --noEmit finds nothing',
    async (example) => {
      const cwd = fileURLToPath(new URL(`../examples/${example}/`, import.meta.url));
      const result = await run(process.execPath, [tsc, '-p', '.', '--noEmit'], { cwd }).catch((error) => error);
      expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
    },
    120_000,
  );
});
