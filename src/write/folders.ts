import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates the missing folders of `dir` from the top down, one mkdir each, and returns those
 * this run made: a folder another run made at the same moment (EEXIST) is not ours to remove.
 */
export function createMissingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let path = dir; !exists(path); path = dirname(path)) missing.unshift(path);
  const made: string[] = [];
  for (const path of missing) {
    try {
      mkdirSync(path);
      made.push(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return made;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return path === dirname(path);
  }
}

/** Removes the folders this run made, deepest first, only while they are empty: what another run put there stays. */
export function removeIfEmpty(folders: string[]): void {
  for (const folder of [...folders].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}
