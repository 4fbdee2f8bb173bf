import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { basename } from 'node:path';

/** A file of the log as found on disk. */
export interface FoundFile {
  path: string;
  dev: number;
  ino: number;
  size: number;
  /** Set for a file not held yet: it is open now, for the caller to keep (or close). */
  fd?: number;
}

/**
 * The names the app rotates its log through, oldest first, as logrotate numbers them:
 * `access.log.N` .. `access.log.1`, then `access.log` itself.
 */
export function logFileNames(logFile: string, rotatedFiles: number): string[] {
  return [...Array.from({ length: rotatedFiles }, (_, i) => `${logFile}.${rotatedFiles - i}`), logFile];
}

/**
 * The log's files that exist now, oldest first; those not `held` yet are left open. The
 * names are taken one at a time, so a file the app renames meanwhile may be missed (the next
 * look finds it) or, renamed back, met twice: it is listed once. A new file renamed between
 * being found and being opened makes the whole look open every name instead: slower, but
 * it cannot miss the file that way look after look.
 */
export function findLogFiles(names: string[], held: (dev: number, ino: number) => boolean): FoundFile[] {
  const found: FoundFile[] = [];
  let raced = false;
  for (const path of names) {
    let stats: { dev: number; ino: number; size: number };
    try {
      stats = statSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const { dev, ino, size } = stats;
    if (found.some((file) => file.dev === dev && file.ino === ino)) continue;
    if (held(dev, ino)) {
      found.push({ path, dev, ino, size });
      continue;
    }
    const fd = openIfStill(path, dev, ino);
    if (fd === undefined) raced = true;
    else found.push({ path, dev, ino, size, fd });
  }
  if (!raced) return found;
  for (const file of found) if (file.fd !== undefined) closeSync(file.fd);
  return openEveryName(names, held);
}

/** Opens `path` if it is still the file with that inode. */
function openIfStill(path: string, dev: number, ino: number): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const stats = fstatSync(fd);
  if (stats.dev === dev && stats.ino === ino) return fd;
  closeSync(fd);
  return undefined;
}

/** The same as findLogFiles, opening each name: slower, but no file can be renamed between finding and opening it. */
function openEveryName(names: string[], held: (dev: number, ino: number) => boolean): FoundFile[] {
  const found: FoundFile[] = [];
  for (const path of names) {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const { dev, ino, size } = fstatSync(fd);
    if (found.some((file) => file.dev === dev && file.ino === ino)) closeSync(fd);
    else if (held(dev, ino)) {
      closeSync(fd);
      found.push({ path, dev, ino, size });
    } else found.push({ path, dev, ino, size, fd });
  }
  return found;
}

/** True for a name in the folder that is one of the log's files: what the shipper wakes for. */
export function isLogFileName(names: string[]): (name: string) => boolean {
  const set = new Set(names.map((name) => basename(name)));
  return (name) => set.has(name);
}
