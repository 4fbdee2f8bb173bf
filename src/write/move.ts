import { cp, rename, rm } from 'node:fs';
import { promisify } from 'node:util';

/**
 * Moves a file or folder. A rename, except across file systems (a mount point inside the
 * target): there the entry is copied, then the original removed. The callback functions,
 * not node:fs/promises: loading that module costs every scaffold about 1 ms.
 */
export async function move(from: string, to: string): Promise<void> {
  try {
    await promisify(rename)(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await promisify(cp)(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true });
    await promisify(rm)(from, { recursive: true, force: true });
  }
}
