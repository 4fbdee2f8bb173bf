import { cp, rename, rm } from 'node:fs/promises';

/**
 * Moves a file or folder. A rename, except across file systems (a mount point inside the
 * target): there the entry is copied, then the original removed.
 */
export async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
  }
}
