// The temp folder of one run of a runner (npm run dev, npm run demo), where its pods' emptyDirs
// live. A runner stopped by a signal removes its own; one killed outright (kill -9, out of
// memory) cannot. So the folder's name carries the runner's pid, and every run first removes
// the folders of runners that are gone, never one whose runner still runs.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `pod-pattern-<kind>-<pid>-<random>` in the OS temp folder, after removing those of dead runners of that kind. */
export function makeRunFolder(kind, { pid = process.pid, base = tmpdir() } = {}) {
  removeOrphanedRunFolders(kind, base);
  return mkdtempSync(join(base, `${prefixOf(kind)}${pid}-`));
}

/** Removes each `kind` run folder in `base` whose runner is no longer running; returns their names. */
export function removeOrphanedRunFolders(kind, base = tmpdir()) {
  const removed = [];
  for (const name of readdirSync(base)) {
    if (!name.startsWith(prefixOf(kind))) continue;
    const pid = Number(name.slice(prefixOf(kind).length).split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    try {
      rmSync(join(base, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another user's, in a shared /tmp: theirs to remove.
    }
  }
  return removed;
}

const prefixOf = (kind) => `pod-pattern-${kind}-`;

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error.code === 'EPERM';
  }
}
