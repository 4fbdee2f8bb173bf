import { readdirSync, rmSync } from 'node:fs';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { lockTarget } from '../write/target-lock.js';

/**
 * Replaces one file all at once: the new text goes to a temporary file beside it, then takes
 * its name in one rename, so a reader or a crash sees the old file or the new, never half.
 * Its folder is locked from before `contentOf` reads the file until the rename, so of two runs
 * at once the second refuses rather than writing over the first's edit with its own.
 */
export async function replaceFile(path: string, contentOf: () => string, shownFolder: string): Promise<void> {
  const unlock = lockTarget(dirname(path), shownFolder);
  try {
    const prefix = `.${basename(path)}.add-`;
    // Under the lock, a temporary file of this name is a killed run's: nothing else writes it.
    for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(path), name));
    const content = contentOf();
    const { mode } = await stat(path);
    const temporary = join(dirname(path), `${prefix}${process.pid}.tmp`);
    try {
      await writeFile(temporary, content, { flag: 'wx' });
      await chmod(temporary, mode & 0o7777);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  } finally {
    unlock();
  }
}
