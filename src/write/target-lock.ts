import { lstatSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, thisProcess } from './process-identity.js';
import { TargetRefusal } from './write-error.js';

/**
 * One run writes into a folder at a time. The lock is a symbolic link whose text names its
 * owner (`<pid>-<start time>`): made in one system call, name and content together, so no
 * other run ever sees a lock without its owner. A lock whose owner is gone (SIGKILL) is stale
 * and taken over, under a second lock of the same kind (TAKEOVER_NAME): of two runs that both
 * find it stale, only one removes it, never the other's new lock in its place.
 */
export const LOCK_NAME = '.cpp-lock';
export const TAKEOVER_NAME = '.cpp-lock-takeover';
/** Rounds of finding the lock stale while another run takes it over, before giving up (about a second). */
const ROUNDS = 50;

export interface LockState {
  exists: boolean;
  live: boolean;
  pid?: number;
}

/** The lock's owner as its text names it; a text that is not `<pid>-<start>` names no one alive. */
function ownerOf(text: string): LockState {
  const [pid, start] = text.split('-');
  const owner = { pid: Number(pid), start };
  return { exists: true, live: Number.isInteger(owner.pid) && owner.pid > 0 && isRunning(owner), pid: owner.pid };
}

/** The link's text, or undefined if there is none; something else there is refused as `lockNotOurs`. */
function linkText(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EINVAL') throw new TargetRefusal({ code: 'lockNotOurs', path });
    return undefined;
  }
}

export function readLock(dir: string): LockState {
  let text: string | undefined;
  try {
    text = linkText(join(dir, LOCK_NAME));
  } catch {
    return { exists: true, live: false };
  }
  return text === undefined ? { exists: false, live: false } : ownerOf(text);
}

/** Takes the lock, or refuses (exit 2) while another run holds it. Returns its release. */
export function lockTarget(dir: string, shown: string): () => void {
  const path = join(dir, LOCK_NAME);
  const takeover = join(dir, TAKEOVER_NAME);
  const me = thisProcess();
  const mine = `${me.pid}-${me.start}`;
  for (let round = 0; round < ROUNDS; round++) {
    if (created(path, mine)) return () => unlinkQuietly(path);
    const stale = linkText(path);
    if (stale === undefined) continue; // released meanwhile
    const owner = ownerOf(stale);
    if (owner.live) throw new TargetRefusal({ code: 'locked', dir: shown, pid: owner.pid! });
    if (created(takeover, mine)) {
      try {
        // Still the stale lock found above, not a lock another run made since: only then removed.
        if (linkText(path) === stale) unlinkQuietly(path);
      } finally {
        unlinkQuietly(takeover);
      }
      continue;
    }
    // Another run is taking it over (or died doing so, a moment's window: its takeover lock is then stale too).
    const other = linkText(takeover);
    if (other !== undefined && !ownerOf(other).live) unlinkQuietly(takeover);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  const last = linkText(path);
  throw new TargetRefusal({ code: 'locked', dir: shown, pid: last === undefined ? 0 : ownerOf(last).pid! });
}

/** Makes the link; false if something is there already. */
function created(path: string, text: string): boolean {
  try {
    symlinkSync(text, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Something that is not a link (a file, a folder) is the user's, never removed.
    const there = lstatSync(path, { throwIfNoEntry: false });
    if (there && !there.isSymbolicLink()) throw new TargetRefusal({ code: 'lockNotOurs', path });
    return false;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already: what was wanted.
  }
}
