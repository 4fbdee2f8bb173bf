import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, thisProcess, type ProcessIdentity } from './process-identity.js';

/**
 * A run stages the project inside the target folder itself: the same file system as the
 * target (so every move is a rename, even when the target is a mount point), and a short
 * name of fixed length whatever the target is called. The pid in the name, and the owner
 * file inside (pid and start time), tell a later run a live run's folder from a stale one.
 */
const STAGING_NAME = /^\.cpp-staging-(\d+)-[0-9a-f]{8}$/;
const OWNER_FILE = 'owner.json';

export interface Staging {
  path: string;
  /** The project as it will be. */
  newDir: string;
  /** What the project replaces, kept until the swap is done; made by the swap's first replacement (a new folder replaces nothing). */
  oldDir: string;
  journal: string;
}

function layout(path: string): Staging {
  return { path, newDir: join(path, 'new'), oldDir: join(path, 'old'), journal: join(path, 'journal') };
}

export function openStaging(target: string): Staging {
  const owner = thisProcess();
  // The name needs to be unique, not secret: mkdir fails on anything already there. (Loading
  // node:crypto for it cost ~11 ms of every scaffold on Node 24.)
  const token = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
  const staging = layout(join(target, `.cpp-staging-${owner.pid}-${token}`));
  mkdirSync(staging.path);
  writeFileSync(join(staging.path, OWNER_FILE), JSON.stringify(owner));
  mkdirSync(staging.newDir);
  return staging;
}

export interface FoundStaging extends Staging {
  live: boolean;
  pid: number;
}

/** This tool's staging folders in a folder, each marked live (its run still going) or stale. */
export function stagingFoldersIn(dir: string): FoundStaging[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: FoundStaging[] = [];
  for (const name of names) {
    const match = STAGING_NAME.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const owner = readOwner(path);
    // No owner file yet: the run that made it is between two calls, or died there.
    const live = owner ? isRunning(owner) : isRunning({ pid: Number(match[1]) });
    found.push({ ...layout(path), live, pid: Number(match[1]) });
  }
  return found;
}

function readOwner(path: string): ProcessIdentity | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(path, OWNER_FILE), 'utf8')) as ProcessIdentity;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function removeStaging(staging: Staging): void {
  rmSync(staging.path, { recursive: true, force: true });
}
