// The temp folder of one run of a runner (npm run dev, npm run demo), where its pods' emptyDirs
// live. A runner stopped by a signal removes its own; one killed outright (kill -9, out of
// memory) cannot. So every run first removes the folders of runners that are gone, and never
// one whose runner still runs.
//
// "Still runs" is asked of the folder itself, as Chromium's profile lock does: each runner
// listens on a Unix socket inside its folder, and the kernel closes it when the runner dies,
// however it dies. A pid would not do: pids are reused, a zombie still has one, and a runner in
// a container sharing /tmp has a pid that means another process here.
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOCKET = 'runner.sock';
/** A folder whose socket was never made (its runner died while making it) is left this long first. */
const UNCLAIMED_MS = 60_000;

/**
 * Makes `pod-pattern-<kind>-<pid>-<random>` in the OS temp folder, after removing dead runners'
 * ones. Returns its `path`, and `remove()` for when the run stops.
 */
export async function makeRunFolder(kind, { base = tmpdir() } = {}) {
  await removeOrphanedRunFolders(kind, base);
  const path = mkdtempSync(join(base, `pod-pattern-${kind}-${process.pid}-`));
  // Bound before listen() returns, so a run that looks at once already finds it answered.
  const server = createServer((socket) => socket.destroy());
  // Where Unix sockets cannot be made (Windows, a path too long): the age rule below alone.
  server.on('error', () => {});
  server.listen(join(path, SOCKET)).unref();
  return {
    path,
    remove() {
      server.close();
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Removes each `kind` run folder in `base` whose runner is gone; returns their names. */
export async function removeOrphanedRunFolders(kind, base = tmpdir()) {
  const name = new RegExp(`^pod-pattern-${kind}-[1-9]\\d*-[A-Za-z0-9]{6}$`);
  const removed = [];
  for (const entry of readdirSync(base)) {
    if (!name.test(entry) || !(await isOrphaned(join(base, entry)))) continue;
    try {
      rmSync(join(base, entry), { recursive: true, force: true });
      removed.push(entry);
    } catch {
      // Another user's, in a shared /tmp: theirs to remove.
    }
  }
  return removed;
}

async function isOrphaned(folder) {
  let stats;
  try {
    stats = lstatSync(folder);
  } catch {
    return false;
  }
  // Only a folder as makeRunFolder makes it: never a file, never what a link points to.
  if (!stats.isDirectory()) return false;
  const answer = await knock(join(folder, SOCKET));
  if (answer === 'refused') return true;
  if (answer === 'missing') return Date.now() - stats.mtimeMs > UNCLAIMED_MS;
  return false;
}

/** 'answered' (its runner runs), 'refused' (the socket is there, no one holds it), 'missing', or 'unknown'. */
function knock(path) {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done('unknown'));
    socket.on('connect', () => done('answered'));
    socket.on('error', (error) => done(error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ENOENT' ? 'missing' : 'unknown'));
  });
}
