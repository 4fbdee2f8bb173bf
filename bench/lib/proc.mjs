// Child processes, temp folders and ports of one bench run, all cleaned up on exit,
// on an error and on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set();
const tempDirs = new Set();
const usedPorts = new Set();

/** Kills every child still running and removes every temp folder. Synchronous: safe in 'exit'. */
export function cleanupAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {}
    }
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

let installed = false;
/** Cleans up on normal exit, uncaught errors, SIGINT, SIGTERM and SIGHUP. */
export function installCleanupHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping children and removing temp files\n`);
      cleanupAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/** A fresh temp folder (in `base`), removed at the end of the run (or earlier with removeTempDir). */
export function makeTempDir(prefix, base = tmpdir()) {
  const dir = mkdtempSync(join(base, `cpp-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Spawns a tracked child; it is killed when the bench ends, whatever happens. */
export function startChild(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A command that cannot start emits 'error' and maybe never 'exit'.
    child.once('error', (err) => resolve({ code: null, signal: null, error: err }));
  });
  child.exited.then(() => children.delete(child));
  // Keep the last stderr so a failure can say why.
  child.stderrTail = '';
  child.stderr?.on('data', (chunk) => {
    child.stderrTail = (child.stderrTail + chunk.toString()).slice(-4000);
  });
  child.once('error', (err) => {
    child.spawnError = err;
  });
  return child;
}

/** Kills a child and waits for it to be gone. */
export async function stopChild(child, signal = 'SIGKILL') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill(signal);
  } catch {}
  await Promise.race([child.exited, sleep(5000, undefined, { ref: false })]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await child.exited;
}

/** Peak resident memory of a running process, in bytes (VmHWM of /proc/<pid>/status). */
export function peakRss(pid) {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A loopback port that is free now and not handed out before in this run. */
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    if (!usedPorts.has(port)) {
      usedPorts.add(port);
      return port;
    }
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port; fails after timeoutMs or if `child` exits. */
export async function waitForPort(port, { timeoutMs = 10_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null || child.spawnError)) {
      throw new Error(`process exited before listening on ${port}: ${child.spawnError?.message ?? child.stderrTail.trim()}`);
    }
    const ok = await new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Runs a command to the end; resolves with its output. Bounded by timeoutMs. */
export function run(command, args, { timeoutMs = 120_000, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args, options);
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.exited.then(({ code, signal, error }) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve({ code, signal, stdout, stderr: child.stderrTail });
    });
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Two clock-tick fields of /proc/<pid>/stat as ms, counted after the command name: utime and
 * stime (the process) at 11, cutime and cstime (its waited-for descendants) at 13.
 */
function statMs(pid, first) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[first]) + Number(fields[first + 1])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time (user + system) a running process has used so far, in ms; undefined if it is gone. */
export function cpuMs(pid) {
  try {
    return statMs(pid, 11);
  } catch {
    return undefined;
  }
}

/** CPU ms used so far by this process's waited-for descendants (cutime + cstime). */
const descendantsCpuMs = () => statMs('self', 13);

/**
 * Runs one command to the end, output ignored; returns its wall time and the CPU time
 * (user + sys) of it and every process it waited for, in ms. Throws when it fails or takes
 * over `timeoutMs`. With `group`, it runs under coreutils' `timeout`, which signals its whole
 * process group at the limit: `npm exec` goes with the CLI it started, where spawnSync's own
 * timeout would kill npm alone (not used for one process: `timeout` adds an exec to the time).
 */
export function timeCommand(command, args, { cwd, env, timeoutMs = 60_000, group = false } = {}) {
  const cpuBefore = descendantsCpuMs();
  const started = process.hrtime.bigint();
  const options = { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] };
  const result = group
    ? spawnSync('timeout', ['--kill-after=5s', `${timeoutMs / 1000}s`, command, ...args], options)
    : spawnSync(command, args, { ...options, timeout: timeoutMs });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if ((group && result.status === 124) || result.error?.code === 'ETIMEDOUT')
    throw new Error(`${command} ${args.join(' ')} took over ${timeoutMs} ms`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return { ms, cpuMs: descendantsCpuMs() - cpuBefore };
}

/** The mount holding `dir` (its mount point, type and source), from /proc/self/mountinfo; undefined off Linux. */
function mountOf(dir) {
  try {
    let best;
    for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
      const [left, right] = line.split(' - ');
      if (!right) continue;
      const mountPoint = left.split(' ')[4].replace(/\\040/g, ' ');
      const [fsType, source] = right.split(' ');
      const inside = dir === mountPoint || dir.startsWith(mountPoint === '/' ? '/' : `${mountPoint}/`);
      if (inside && (!best || mountPoint.length >= best.mountPoint.length)) best = { mountPoint, fsType, source };
    }
    return best;
  } catch {
    return undefined;
  }
}

/** Whether `mount` is ext4 without a journal ("<none>" in its sysfs journal_task). */
function journalless(mount) {
  if (mount?.fsType !== 'ext4') return false;
  try {
    return readFileSync(`/sys/fs/ext4/${basename(mount.source)}/journal_task`, 'utf8').trim() === '<none>';
  } catch {
    return false;
  }
}

/**
 * How long ext4 counts a deleted inode as recent once its inode table block is on disk:
 * RECENTCY_MIN in fs/ext4/ialloc.c, 60 s since Linux 5.7 (5 s before); 300 s while dirty.
 */
const RECENTLY_DELETED_MS = 60_000;

/**
 * A temp folder for a section that times file creation, and where it is. On ext4 without a
 * journal (this VM's root), creating a file checks, one at a time, each inode freed nearby in
 * the last 60 s (300 s while its inode table block is dirty), and skips it: each new file can
 * cost a millisecond, depending on what the bench, a test run, or the CLI's own staging
 * folders deleted before, and a scaffold of 99 files pays 8 times what one of 12 does
 * (perf: recently_deleted(), find_inode_bit()). File systems with a journal, and users'
 * machines, never do this. There the folder goes on /dev/shm (tmpfs) when it can; without
 * one, `sync` and a wait past the 60 s at least start the section clean.
 */
export async function fileCreationScratch(prefix) {
  const temp = mountOf(realpathSync(tmpdir()));
  if (!journalless(temp)) return { dir: makeTempDir(prefix), where: `the temp folder (${temp?.fsType ?? 'file system unknown'})` };
  const shm = mountOf('/dev/shm');
  if (shm?.mountPoint === '/dev/shm' && shm.fsType === 'tmpfs') {
    try {
      return {
        dir: makeTempDir(prefix, '/dev/shm'),
        where: `/dev/shm (tmpfs): the temp folder is on ext4 without a journal, ${temp.mountPoint}`,
      };
    } catch {}
  }
  spawnSync('sync', [], { stdio: 'ignore', timeout: 60_000 });
  await sleep(RECENTLY_DELETED_MS + 1000);
  return {
    dir: makeTempDir(prefix),
    where: `the temp folder, ext4 without a journal, after sync and ${(RECENTLY_DELETED_MS + 1000) / 1000} s (no tmpfs at /dev/shm)`,
  };
}

/** The machine's CPU time so far from /proc/stat (clock ticks): all of it, and what the hypervisor took (steal). */
export function cpuTimes() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** The share of CPU time the hypervisor took between two cpuTimes(): "12%", or undefined off Linux. */
export function stolenShare(before, after) {
  if (!before || !after || after.total <= before.total) return undefined;
  return `${Math.round((100 * (after.steal - before.steal)) / (after.total - before.total))}%`;
}
