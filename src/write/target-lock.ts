import { readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, thisProcess } from './process-identity.js';
import { TargetRefusal } from './write-error.js';

/**
 * One run writes into a folder at a time. The lock is a symbolic link whose text names its
 * owner (`<pid>-<start time>`): made in one system call, name and content together, so no
 * other run ever sees a lock without its owner. A lock whose owner is gone (SIGKILL) is stale
 * and taken over.
 */
export const LOCK_NAME = '.cpp-lock';

export interface LockState {
  exists: boolean;
  live: boolean;
  pid?: number;
}

export function readLock(dir: string): LockState {
  let text: string;
  try {
    text = readlinkSync(join(dir, LOCK_NAME));
  } catch {
    return { exists: false, live: false };
  }
  const [pid, start] = text.split('-');
  const owner = { pid: Number(pid), start };
  return { exists: true, live: Number.isInteger(owner.pid) && isRunning(owner), pid: owner.pid };
}

/** Takes the lock, or refuses (exit 2) while another run holds it. Returns its release. */
export function lockTarget(dir: string, shown: string): () => void {
  const path = join(dir, LOCK_NAME);
  const me = thisProcess();
  for (let attempt = 0; ; attempt++) {
    try {
      symlinkSync(`${me.pid}-${me.start}`, path);
      return () => unlinkQuietly(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const lock = readLock(dir);
    if (lock.live) throw new TargetRefusal({ code: 'locked', dir: shown, pid: lock.pid! });
    unlinkQuietly(path);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already: what was wanted.
  }
}
