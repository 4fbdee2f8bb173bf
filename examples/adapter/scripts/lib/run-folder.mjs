// The temp folder of one run of a runner (npm run dev, npm run demo), where its pods' emptyDirs
// live. A runner stopped by a signal removes its own; one killed outright (kill -9, out of
// memory) cannot. So every run first removes the folders of runners that are gone, and never
// one whose runner still runs.
//
// "Still runs" is asked of the folder itself, as Chromium's profile lock does: each runner
// listens on a Unix socket inside its folder, and the kernel closes it when the runner dies,
// however it dies. A pid would not do: pids are reused, a zombie still has one, and a runner in
// a container sharing /tmp has a pid that means another process here.
import { closeSync, constants, lstatSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const SOCKET = 'runner.sock';
/** A folder whose socket was never made (its runner died while making it) is left this long first. */
const UNCLAIMED_MS = 60_000;
/** Longer socket paths are cut short without a word (104 bytes on macOS, 108 on Linux, with the final NUL): see atShortPath. */
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * Makes `pod-pattern-<kind>-<pid>-<random>` in the OS temp folder, after removing dead runners'
 * ones. Returns its `path`, and `remove()` for when the run stops.
 */
export async function makeRunFolder(kind, { base = tmpdir() } = {}) {
  await removeOrphanedRunFolders(kind, base);
  const path = mkdtempSync(join(base, `pod-pattern-${kind}-${process.pid}-`));
  const server = createServer((socket) => socket.destroy());
  // Where no Unix socket can be made (Windows, a path too long outside Linux), the pid and age rule below.
  server.on('error', () => {});
  await atShortPath(join(path, `${SOCKET}.new`), (socketPath) => {
    if (!socketPath) return;
    // Bound and listening before listen() returns, but a knock between its bind and its listen
    // would be refused: so it listens under another name and takes the real one only then.
    server.listen(socketPath).unref();
    try {
      renameSync(join(path, `${SOCKET}.new`), join(path, SOCKET));
    } catch {
      // Not bound: the pid and age rule.
    }
  });
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
  const answer = await atShortPath(join(folder, SOCKET), (socketPath) => (socketPath ? knock(socketPath) : 'missing'));
  if (answer === 'refused') return true;
  // No socket: gone only if old and its pid runs nothing (which a pid cannot promise; see above).
  if (answer === 'missing') return Date.now() - stats.mtimeMs > UNCLAIMED_MS && !isRunning(pidOf(folder));
  return false;
}

/**
 * Calls `use` with a name for `path` short enough for a Unix socket, and returns what it returns.
 * A long one is reached on Linux through a descriptor of its folder, /proc/self/fd/<n>/<name>,
 * however long the folder's own path is (without /proc no socket is made there: the pid and age
 * rule again). Elsewhere `use` gets undefined.
 */
async function atShortPath(path, use) {
  if (Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES) return use(path);
  if (process.platform !== 'linux') return use(undefined);
  let folder;
  try {
    // Never through a link: the folder itself, as lstat saw it.
    folder = openSync(dirname(path), constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch {
    return use(undefined);
  }
  try {
    return await use(`/proc/self/fd/${folder}/${basename(path)}`);
  } finally {
    closeSync(folder);
  }
}

const pidOf = (folder) => Number(basename(folder).split('-').at(-2));

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error.code === 'EPERM';
  }
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
