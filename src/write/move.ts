import { cp, rename, rm } from 'node:fs';
import { whenDone } from './when-done.js';

/**
 * Moves a file or folder. A rename, except across file systems (a mount point inside the
 * target): there the entry is copied, then the original removed.
 */
export async function move(from: string, to: string): Promise<void> {
  try {
    await whenDone((callback) => rename(from, to, callback));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const copy = { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true };
    await whenDone((callback) => cp(from, to, copy, callback));
    await whenDone((callback) => rm(from, { recursive: true, force: true }, callback));
  }
}
