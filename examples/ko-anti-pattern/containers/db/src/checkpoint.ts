import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A checkpoint: the journal rewritten as one record per counter, so its size (and the replay at
 * start) stays bounded however many increments it took. Safe against a crash at any step: the
 * new journal is written beside the old one and synced, then renamed over it in one step (a
 * rename is atomic), and the folder is synced so the rename itself survives. Returns the new
 * journal, open for appending.
 */
export async function rewriteJournal(path: string, records: string): Promise<FileHandle> {
  const next = await open(nextPath(path), 'w');
  try {
    await next.writeFile(records);
    await next.datasync();
  } finally {
    await next.close();
  }
  await rename(nextPath(path), path);
  await syncFolder(dirname(path));
  return open(path, 'a+');
}

/** A checkpoint a crash cut short: the old journal is still whole, so the half-written new one goes. */
export function removeUnfinishedCheckpoint(path: string): Promise<void> {
  return rm(nextPath(path), { force: true });
}

/** Makes a file's creation or renaming in `dir` survive a crash. */
export async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

const nextPath = (path: string) => `${path}.next`;
