import { cp, rename, rm } from 'node:fs';

/**
 * Moves a file or folder. A rename, except across file systems (a mount point inside the
 * target): there the entry is copied, then the original removed. The callback functions,
 * not node:fs/promises: loading that module costs every scaffold about 1 ms.
 */
export async function move(from: string, to: string): Promise<void> {
  try {
    await done((callback) => rename(from, to, callback));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const copy = { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true };
    await done((callback) => cp(from, to, copy, callback));
    await done((callback) => rm(from, { recursive: true, force: true }, callback));
  }
}

function done(start: (callback: (error: NodeJS.ErrnoException | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => start((error) => (error ? reject(error) : resolve())));
}
