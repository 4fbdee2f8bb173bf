import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates the missing folders of `dir` from the top down, one mkdir each, and returns those
 * this run made: a folder another run made at the same moment (EEXIST) is not ours to remove.
 */
export async function createMissingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let path = dir; !(await exists(path)); path = dirname(path)) missing.unshift(path);
  const made: string[] = [];
  for (const path of missing) {
    try {
      await mkdir(path);
      made.push(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return made;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => path === dirname(path),
  );
}

/** Removes the folders this run made, deepest first, only while they are empty: what another run put there stays. */
export async function removeIfEmpty(folders: string[]): Promise<void> {
  for (const folder of [...folders].reverse()) {
    try {
      await rmdir(folder);
    } catch {
      return;
    }
  }
}
