import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PlannedFile } from '../plan/project-plan.js';
import { createMissingFolders, removeIfEmpty } from './folders.js';
import { assertPathsInside } from './safe-paths.js';
import { openStaging, removeStaging, type Staging } from './staging.js';
import { planSwap, recoverInterruptedRuns, swapIn } from './swap.js';
import { checkTarget } from './target-check.js';
import { lockTarget } from './target-lock.js';
import { TargetRefusal } from './write-error.js';

export { checkTarget } from './target-check.js';

/**
 * All or nothing. The target folder is made with one mkdir (so of two runs at once, one
 * wins and the other refuses), or used in place when it exists (`.`, a mount point), and
 * locked against other runs (target-lock.ts). The project is written into a staging folder
 * inside it, then swapped in entry by entry, each replaced entry kept aside until the end
 * (swap.ts). On any failure or Ctrl-C, everything is put back and what this run created is
 * removed; what a SIGKILLed run left is undone by the next run into the same folder.
 */
export async function writeProject(targetDir: string, files: PlannedFile[], options: { force: boolean }): Promise<void> {
  const target = resolve(targetDir);
  assertPathsInside(
    target,
    files.map((f) => f.path),
  );
  const state = await checkTarget(targetDir, options.force);
  const interrupts = stopOnSignals();
  const madeFolders = await createMissingFolders(dirname(target));
  let unlock: (() => Promise<void>) | undefined;
  let staging: Staging | undefined;
  let swapping = false;
  try {
    if (state === 'missing') madeFolders.push(await createTarget(target, targetDir));
    unlock = await lockTarget(target, targetDir);
    if (state !== 'missing') {
      // Again, under the lock: a run that held it a moment ago may have filled the folder.
      await checkTarget(targetDir, options.force);
      await recoverInterruptedRuns(target);
    }
    const steps = await planSwap(
      target,
      files.map((f) => f.path),
    );
    staging = await openStaging(target);
    writeAll(staging.newDir, files);
    swapping = true;
    await swapIn(staging, target, steps, interrupts.check);
    swapping = false;
    // The project is in place: a staging folder that will not go is only left for the next run to clear.
    await removeStaging(staging).catch(() => {});
    await unlock();
  } catch (error) {
    // swapIn puts things back itself, and keeps its staging folder when it could not.
    if (staging && !swapping) await removeStaging(staging);
    await unlock?.();
    await removeIfEmpty(madeFolders);
    throw error;
  } finally {
    interrupts.stop();
  }
}

/** One mkdir, not recursive: if another run made it first, this one refuses and touches nothing of it. */
async function createTarget(target: string, shown: string): Promise<string> {
  try {
    await mkdir(target);
    return target;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new TargetRefusal({ code: 'createdMeanwhile', dir: shown });
  }
}

/** Synchronous on purpose: dozens of small files are written fastest without thread-pool hops. */
function writeAll(root: string, files: PlannedFile[]): void {
  for (const dir of new Set(files.map((f) => dirname(join(root, f.path))))) mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(root, file.path), file.content, { flag: 'wx', mode: file.mode ?? 0o644 });
}

/**
 * Ctrl-C or SIGTERM while writing: stop at the next step, put everything back, then die of
 * the same signal (so the shell sees an interrupted command, not a failure).
 */
function stopOnSignals() {
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    check() {
      if (received) throw new Error(`${received} received: writing stopped, and everything put back`);
    },
    stop() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (received) process.kill(process.pid, received);
    },
  };
}
