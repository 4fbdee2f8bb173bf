import { closeSync, mkdirSync, open, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PlannedFile } from '../plan/project-plan.js';
import { createMissingFolders, removeIfEmpty } from './folders.js';
import { assertPathsInside, joinInside } from './safe-paths.js';
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
 *
 * Every step but the swap's moves and half the file writes (writeAll) is synchronous: dozens
 * of small calls finish sooner than as many hops to the thread pool and back (a scaffold spent
 * ~10 ms waiting on them). So a signal is seen only where the event loop runs: while the
 * files are written, before the swap, while it moves an entry, and at the end.
 */
export async function writeProject(
  targetDir: string,
  files: PlannedFile[] | (() => PlannedFile[]),
  options: { force: boolean },
): Promise<void> {
  const target = resolve(targetDir);
  if (Array.isArray(files)) assertPathsInside(target, pathsOf(files));
  const state = checkTarget(targetDir, options.force);
  const interrupts = stopOnSignals();
  let madeFolders: string[] = [];
  let unlock: (() => void) | undefined;
  let staging: Staging | undefined;
  let swapping = false;
  try {
    madeFolders = createMissingFolders(dirname(target));
    if (state === 'missing') madeFolders.push(createTarget(target, targetDir));
    unlock = lockTarget(target, targetDir);
    if (state !== 'missing') {
      // Again, under the lock: a run that held it a moment ago may have filled the folder.
      checkTarget(targetDir, options.force);
      await recoverInterruptedRuns(target);
    }
    // What to write may depend on what is there (add edits a file of the folder): then it is
    // planned only now, under the lock and once an interrupted run is undone.
    const planned = Array.isArray(files) ? files : files();
    if (planned !== files) assertPathsInside(target, pathsOf(planned));
    const steps = planSwap(target, pathsOf(planned));
    staging = openStaging(target);
    await writeAll(staging.newDir, planned);
    // A signal that came while the files were written is seen here, before the target is touched.
    await signalsDelivered();
    swapping = true;
    await swapIn(staging, target, steps, interrupts.check);
    swapping = false;
    try {
      removeStaging(staging);
    } catch {
      // The project is in place: a staging folder that will not go is only left for the next run to clear.
    }
    unlock();
  } catch (error) {
    // swapIn puts things back itself, and keeps its staging folder when it could not.
    if (staging && !swapping) removeStaging(staging);
    unlock?.();
    removeIfEmpty(madeFolders);
    throw error;
  } finally {
    await interrupts.stop();
  }
}

const pathsOf = (files: PlannedFile[]) => files.map((f) => f.path);

/** One mkdir, not recursive: if another run made it first, this one refuses and touches nothing of it. */
function createTarget(target: string, shown: string): string {
  try {
    mkdirSync(target);
    return target;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new TargetRefusal({ code: 'createdMeanwhile', dir: shown });
  }
}

/**
 * New files are the slow part of writing a project: each new inode costs the kernel 0.1 to
 * 0.5 ms on a VM's ext4, 10 to 50 ms for a sidecar project. So two threads make them: the
 * thread pool takes every other file while this thread writes the rest synchronously (no
 * hop per file). Every write has ended, well or not, before this returns or throws, so a
 * failure leaves nothing running in the staging folder that is then removed.
 */
async function writeAll(root: string, files: PlannedFile[]): Promise<void> {
  const targets = files.map((file) => ({ file, path: joinInside(root, file.path) }));
  for (const dir of new Set(targets.map((target) => dirname(target.path)))) mkdirSync(dir, { recursive: true });
  const pooled = Promise.allSettled(targets.filter((_, i) => i % 2 === 1).map(createInPool));
  let failure: { error: unknown } | undefined;
  try {
    for (const { file, path } of targets.filter((_, i) => i % 2 === 0))
      writeFileSync(path, file.content, { flag: 'wx', mode: modeOf(file) });
  } catch (error) {
    failure = { error };
  }
  const rejected = (await pooled).find((r) => r.status === 'rejected');
  if (failure) throw failure.error;
  if (rejected) throw rejected.reason;
}

const modeOf = (file: PlannedFile) => file.mode ?? 0o644;

/**
 * The thread pool creates the file (the open that makes the inode, the costly part); its
 * few kilobytes are then written here at once. One hop to the pool per file, not the three
 * of fs.writeFile (open, write, close), each with its callback and promise. The file is
 * closed whatever the write did; the first failure is the one reported.
 */
function createInPool({ file, path }: { file: PlannedFile; path: string }): Promise<void> {
  return new Promise((resolve, reject) =>
    open(path, 'wx', modeOf(file), (error, fd) => {
      if (error) return reject(error);
      let failure: { error: unknown } | undefined;
      try {
        writeFileSync(fd, file.content);
      } catch (writeError) {
        failure = { error: writeError };
      }
      try {
        closeSync(fd);
      } catch (closeError) {
        failure ??= { error: closeError };
      }
      if (failure) reject(failure.error);
      else resolve();
    }),
  );
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
    async stop() {
      // What follows the swap's last move is synchronous: a signal that came meanwhile reaches
      // its handler here, before the handler goes, so the run still dies of it.
      await signalsDelivered();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (received) process.kill(process.pid, received);
    },
  };
}

/**
 * Resolves once the event loop has polled: a signal that arrived while synchronous code ran
 * has then reached its handler. (Signals are read in the poll phase, which lies between two
 * check phases: hence two setImmediate turns; a microtask would not do.)
 */
function signalsDelivered(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
