import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * Makes DATA_DIR if it is missing (`npm run dev`) and claims it, or says which folder failed and why.
 * Returns the function that releases it.
 */
export function claimDataDir(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
    return lockDataDir(dir);
  } catch (err) {
    throw new Error(`DATA_DIR ${dir} cannot be used: ${(err as Error).message}`);
  }
}

/**
 * Claims DATA_DIR for this process, as PostgreSQL's postmaster.pid does: two databases
 * appending to one journal would both hand out the same next value, and one of two
 * acknowledged increments would be lost. A lock left by a process that is gone (SIGKILL)
 * is taken over; in a container the restarted database often has the same pid (1) as the
 * one that left it.
 *
 * A pid means something only where it was taken: each container has its own PID namespace,
 * where another pod's database is invisible (and is pid 1 too). So the lock also names the
 * host (a pod's name, which a StatefulSet's pod keeps when it is replaced), and only a lock of
 * this host is checked by its pid; another host's lock is never taken over.
 */
function lockDataDir(dir: string): () => void {
  const path = join(dir, 'db.pid');
  for (;;) {
    try {
      writeFileSync(path, `${process.pid} ${hostname()}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // "<pid> <host>"; a lock written before hosts were recorded has the pid alone.
    const [pidText, host = hostname()] = readFileSync(path, 'utf8').trim().split(' ');
    const holder = Number.parseInt(pidText, 10);
    if (host !== hostname()) {
      throw new Error(
        `it is in use by a database on host ${host} (pid ${holder} there, recorded in ${path}); if that database is gone for good, remove the file`,
      );
    }
    if (holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new Error(`it is in use by another database process (pid ${holder}, recorded in ${path})`);
    }
    rmSync(path, { force: true }); // stale: its process is gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
