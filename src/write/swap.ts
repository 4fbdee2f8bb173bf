/**
 * Putting a staged project into its target, all or nothing. Each entry the project replaces
 * is moved aside into the staging folder before the new one moves in, and a journal line is
 * written before each step: a failure, a signal, or (on the next run) a SIGKILL is undone by
 * reading the journal backwards. Entries of the target the project does not contain are
 * never touched.
 */
import { appendFileSync, lstatSync, mkdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { move } from './move.js';
import { removeStaging, stagingFoldersIn, type Staging } from './staging.js';
import { RestoreFailure, TargetRefusal, type SwapConflict } from './write-error.js';

/** `add`: the target has nothing at that path, the staged entry (maybe a whole folder) moves in. `replace`: a file is swapped. */
export interface SwapStep {
  kind: 'add' | 'replace';
  path: string;
}

function lstatOrNothing(path: string) {
  return lstatSync(path, { throwIfNoEntry: false });
}

/**
 * The steps that put `paths` (files, relative to the target) in place, found before anything
 * is written. Refuses what the project cannot replace without losing or following something:
 * a file where it needs a folder, a folder where it writes a file, and any symbolic link on the
 * way (writing through `k8s -> /etc` would write outside the target; replacing the link would
 * silently undo a setup the user made on purpose: they decide, so it is refused).
 */
export function planSwap(target: string, paths: string[]): SwapStep[] {
  const steps = new Map<string, SwapStep>();
  const conflicts = new Map<string, SwapConflict>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const rel = parts.slice(0, i).join('/');
      if (steps.get(rel)?.kind === 'add') break;
      const entry = lstatOrNothing(join(target, rel));
      const isFile = i === parts.length;
      if (!entry) {
        steps.set(rel, { kind: 'add', path: rel });
        break;
      }
      if (entry.isSymbolicLink()) {
        conflicts.set(rel, { code: 'isLink', path: rel });
        break;
      }
      if (!isFile && !entry.isDirectory()) {
        conflicts.set(rel, { code: 'fileWhereFolder', path: rel });
        break;
      }
      if (isFile && entry.isDirectory()) conflicts.set(rel, { code: 'folderWhereFile', path: rel });
      else if (isFile) steps.set(rel, { kind: 'replace', path: rel });
    }
  }
  if (conflicts.size) throw new TargetRefusal({ code: 'conflicts', target, conflicts: [...conflicts.values()] });
  return [...steps.values()];
}

/**
 * Carries out the steps; on any failure undoes the ones done and rethrows. `checkpoint` throws
 * to stop between steps. The journal line is written synchronously; the moves stay awaited:
 * while one is under way a Ctrl-C or SIGTERM reaches its handler, so the swap stops at the
 * next step. (All synchronous, the swap would see a signal only once it was over.)
 */
export async function swapIn(staging: Staging, target: string, steps: SwapStep[], checkpoint: () => void): Promise<void> {
  try {
    for (const step of steps) {
      checkpoint();
      appendFileSync(staging.journal, `${JSON.stringify(step)}\n`);
      if (step.kind === 'replace') {
        mkdirSync(dirname(join(staging.oldDir, step.path)), { recursive: true });
        await move(join(target, step.path), join(staging.oldDir, step.path));
      }
      await move(join(staging.newDir, step.path), join(target, step.path));
    }
  } catch (error) {
    await rollBack(staging, target, error);
    throw error;
  }
  // Done: without the journal, nothing is undone any more, even if removing the rest is cut short.
  try {
    unlinkSync(staging.journal);
  } catch {
    // The staging folder goes next anyway.
  }
}

function readJournal(staging: Staging): SwapStep[] {
  let journal = '';
  try {
    journal = readFileSync(staging.journal, 'utf8');
  } catch {
    // No journal: no step was taken.
  }
  return journal
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SwapStep);
}

/** Entries of the target an interrupted run added, which undoing it will remove. */
export function addedByInterruptedRuns(target: string): Set<string> {
  const added = new Set<string>();
  for (const staging of stagingFoldersIn(target))
    if (!staging.live) for (const step of readJournal(staging)) if (step.kind === 'add' && !step.path.includes('/')) added.add(step.path);
  return added;
}

/** Undoes the journal's steps, last first. When that fails too, the staging folder stays for the next run to finish it. */
async function rollBack(staging: Staging, target: string, cause?: unknown): Promise<void> {
  const steps = readJournal(staging);
  try {
    for (const step of steps.reverse()) {
      const aside = join(staging.oldDir, step.path);
      if (step.kind === 'add') rmSync(join(target, step.path), { recursive: true, force: true });
      else if (lstatOrNothing(aside)) {
        rmSync(join(target, step.path), { recursive: true, force: true });
        await move(aside, join(target, step.path));
      }
    }
  } catch (error) {
    throw new RestoreFailure({
      target,
      cause: cause instanceof Error ? cause.message : undefined,
      error: (error as Error).message,
      // Only a replacement puts anything aside; undoing additions only removes.
      keptIn: steps.some((step) => step.kind === 'replace') ? staging.oldDir : undefined,
    });
  }
  removeStaging(staging);
}

/** Finishes what interrupted runs (SIGKILL, power loss) left in the target: undoes their steps, removes their folders. */
export async function recoverInterruptedRuns(target: string): Promise<void> {
  for (const staging of stagingFoldersIn(target)) if (!staging.live) await rollBack(staging, target);
}
