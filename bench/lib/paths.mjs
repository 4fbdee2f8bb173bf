import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Everything the bench installs or builds: gitignored. */
export const BENCH_DIR = process.env.BENCH_DIR ? resolve(process.env.BENCH_DIR) : join(ROOT, '.bench');

/** Progress on stderr, so stdout carries only the table. */
export function note(message) {
  process.stderr.write(`bench: ${message}\n`);
}
