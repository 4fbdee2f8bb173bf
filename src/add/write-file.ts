import { readdirSync, rmSync } from 'node:fs';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { recoverInterruptedRuns } from '../write/swap.js';
import { lockTarget } from '../write/target-lock.js';

const temporaryPrefix = (path: string) => `.${basename(path)}.add-`;

/**
 * Locks the folder of the file add edits and undoes what a run killed there left (a half-done
 * swap of a run in that folder), so the file is read as a finished run left it. However the
 * file is named (from its folder, from above it, from elsewhere), its folder's lock is the
 * same. Returns the release.
 */
export async function lockFileFolder(path: string, shownFolder: string): Promise<() => void> {
  const unlock = lockTarget(dirname(path), shownFolder);
  try {
    await recoverInterruptedRuns(dirname(path));
    return unlock;
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Under the folder's lock, a temporary file of replaceFile's is a killed run's: nothing else writes it. */
export function removeKilledTemporaries(path: string): void {
  const prefix = temporaryPrefix(path);
  for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(path), name));
}

/**
 * Replaces one file all at once: the new text goes to a temporary file beside it, then takes
 * its name in one rename, so a reader or a crash sees the old file or the new, never half.
 * Its folder is locked from before `contentOf` reads the file until the rename, so of two runs
 * at once the second refuses rather than writing over the first's edit with its own.
 */
export async function replaceFile(path: string, contentOf: () => string, shownFolder: string): Promise<void> {
  const unlock = await lockFileFolder(path, shownFolder);
  try {
    removeKilledTemporaries(path);
    const content = contentOf();
    const { mode } = await stat(path);
    const temporary = join(dirname(path), `${temporaryPrefix(path)}${process.pid}.tmp`);
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
