import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli/usage-error.js';
import type { PlannedFile } from '../plan/project-plan.js';
import { assertPathsInside } from './safe-paths.js';

export type TargetState = 'missing' | 'empty' | 'non-empty' | 'not-a-directory';

export async function inspectTarget(dir: string): Promise<TargetState> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return 'not-a-directory';
    return (await readdir(dir)).length === 0 ? 'empty' : 'non-empty';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

export function refusalFor(dir: string, state: TargetState, force: boolean): string | undefined {
  if (state === 'not-a-directory') return `${dir} exists and is not a directory; choose another directory`;
  if (state === 'non-empty' && !force) return `directory ${dir} is not empty; choose another directory, or pass --force to write into it`;
  return undefined;
}

/** Creates missing parents and returns the topmost one it created, to undo on failure. */
async function makeParents(dir: string): Promise<string | undefined> {
  const created = await mkdir(dir, { recursive: true });
  return created ?? undefined;
}

/** Synchronous on purpose: dozens of small files are written fastest without thread-pool hops. */
function writeAll(root: string, files: PlannedFile[]): void {
  for (const dir of new Set(files.map((f) => dirname(join(root, f.path))))) mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(root, file.path), file.content, { flag: 'wx', mode: file.mode ?? 0o644 });
}

async function kindOf(path: string): Promise<'missing' | 'file' | 'dir'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

/** --force replaces files, never folders, and never puts a file under a file: checked before anything moves. */
async function findForceConflicts(target: string, files: PlannedFile[]): Promise<string[]> {
  const conflicts = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if ((await kindOf(join(target, dir))) === 'file') conflicts.add(`${dir} is a file, but the project needs a folder there`);
    }
    if ((await kindOf(join(target, file.path))) === 'dir') conflicts.add(`${file.path} is a folder, but the project writes a file there`);
  }
  return [...conflicts];
}

/** Moves staged files over an existing folder one by one (--force). */
async function moveInto(staging: string, target: string, files: PlannedFile[]): Promise<void> {
  for (const file of files) {
    const to = join(target, file.path);
    await mkdir(dirname(to), { recursive: true });
    await rm(to, { recursive: true, force: true });
    await rename(join(staging, file.path), to);
  }
}

/**
 * All or nothing: files are written to a hidden staging folder beside the target,
 * then moved into place with one rename. On any failure or interrupt the staging
 * folder (and any parent folder this call created) is removed.
 */
export async function writeProject(targetDir: string, files: PlannedFile[], options: { force: boolean }): Promise<void> {
  const target = resolve(targetDir);
  assertPathsInside(target, files.map((f) => f.path));
  const state = await inspectTarget(target);
  const refusal = refusalFor(targetDir, state, options.force);
  if (refusal) throw new UsageError(refusal);

  if (state === 'non-empty') {
    const conflicts = await findForceConflicts(target, files);
    if (conflicts.length)
      throw new UsageError(`cannot write into ${targetDir}: ${conflicts.join('; ')}. Move those aside or choose another directory`);
  }

  const createdParent = await makeParents(dirname(target));
  const staging = join(dirname(target), `.${basename(target)}.create-pod-pattern-${process.pid}-${Date.now()}`);
  const cleanup = async () => {
    await rm(staging, { recursive: true, force: true });
    if (createdParent) await rm(createdParent, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanup().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await mkdir(staging);
    writeAll(staging, files);
    if (state === 'missing') await rename(staging, target);
    else if (state === 'empty') {
      await rmdir(target);
      await rename(staging, target);
    } else {
      await moveInto(staging, target, files);
      await rm(staging, { recursive: true, force: true });
    }
  } catch (error) {
    await cleanup();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
