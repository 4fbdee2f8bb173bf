import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** How far the shipper got: the file (by inode, which survives a rename) and the byte offset. */
export interface SavedOffset {
  inode: number;
  offset: number;
}

/** The saved position, or undefined when there is none (first start) or it is unreadable. */
export function loadOffset(path: string): SavedOffset | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const { inode, offset } = (saved ?? {}) as Partial<SavedOffset>;
  if (!Number.isSafeInteger(inode) || !Number.isSafeInteger(offset) || (offset as number) < 0) return undefined;
  return { inode: inode as number, offset: offset as number };
}

/** Writes a temp file and renames it over the old one, so a crash never leaves half a file. */
export function saveOffset(path: string, saved: SavedOffset): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(saved));
  renameSync(temp, path);
}
