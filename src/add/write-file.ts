import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces one file all at once: the new text goes to a temporary file beside it, then takes
 * its name in one rename, so a reader or a crash sees the old file or the new, never half.
 */
export async function replaceFile(path: string, content: string): Promise<void> {
  const { mode } = await stat(path);
  const temporary = join(dirname(path), `.${basename(path)}.add-${process.pid}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
