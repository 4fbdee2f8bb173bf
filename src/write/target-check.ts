/**
 * Checks on the target folder, before anything is written (and on --dry-run): reads only.
 * What fails here is the input's fault, so it is a TargetRefusal (exit 2).
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, parse, resolve, sep } from 'node:path';
import { pathTextIssue } from './path-text.js';
import { stagingFoldersIn } from './staging.js';
import { addedByInterruptedRuns } from './swap.js';
import { LOCK_NAME, readLock, TAKEOVER_NAME } from './target-lock.js';
import { TargetRefusal, type RefusalReason } from './write-error.js';

/**
 * Synchronous, as the whole write path is: these few checks finish sooner than one hop to
 * the thread pool and back.
 */
function lstatOrNothing(path: string) {
  return lstatSync(path, { throwIfNoEntry: false });
}

/** Where a link leads, or nothing if it leads nowhere (or anywhere unreadable). */
function statOrNothing(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Walks the path from the root: every existing folder on the way must be a folder (a file
 * there is ENOTDIR), and the target itself must not be a symbolic link (the project would
 * land somewhere other than where it was asked to). Links among the parents are followed,
 * as the shell does (/tmp is one on macOS), unless they lead nowhere.
 */
function walkProblem(dir: string): RefusalReason | undefined {
  const full = resolve(dir);
  const { root } = parse(full);
  const parts = full.slice(root.length).split(sep).filter(Boolean);
  let path = root;
  for (const [i, part] of parts.entries()) {
    path = resolve(path, part);
    const isTarget = i === parts.length - 1;
    const entry = lstatOrNothing(path);
    if (!entry) return undefined;
    if (entry.isSymbolicLink()) {
      const to = statOrNothing(path);
      if (isTarget) return { code: 'targetIsLink', dir, dangling: !to };
      if (!to) return { code: 'parentLinkDangling', path, dir };
      if (!to.isDirectory()) return { code: 'parentNotFolder', path, dir };
    } else if (!entry.isDirectory()) {
      return isTarget ? { code: 'targetNotFolder', dir } : { code: 'parentIsFile', path, dir };
    }
  }
  return undefined;
}

export type TargetState = 'missing' | 'empty' | 'non-empty';

/** What is in the target, counting what interrupted runs left (stale lock, staging folders) as nothing; refuses a target another run is writing. */
export function inspectTarget(dir: string): TargetState {
  const target = resolve(dir);
  let entries: string[];
  try {
    entries = readdirSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  const lock = readLock(target);
  if (lock.live && lock.pid !== process.pid) throw new TargetRefusal({ code: 'locked', dir, pid: lock.pid! });
  // Left by a run that was killed: its lock, its staging folders, and what it added (to be undone).
  const leftovers = new Set([
    LOCK_NAME,
    TAKEOVER_NAME,
    ...stagingFoldersIn(target).map((s) => basename(s.path)),
    ...addedByInterruptedRuns(target),
  ]);
  return entries.some((name) => !leftovers.has(name)) ? 'non-empty' : 'empty';
}

/** Everything checked before writing; returns the target's state or throws TargetRefusal. */
export function checkTarget(dir: string, force: boolean): TargetState {
  const problem = pathTextIssue(dir) ?? walkProblem(dir);
  if (problem) throw new TargetRefusal(problem);
  const state = inspectTarget(dir);
  if (state === 'non-empty' && !force) throw new TargetRefusal({ code: 'notEmpty', dir });
  return state;
}
