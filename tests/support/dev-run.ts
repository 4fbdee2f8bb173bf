/**
 * `npm run dev` of a generated project, run in the background as a user runs it, and watched
 * from outside: its output lines, the processes it started (from /proc), the ports they hold.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectEnv, request, waitForFreePorts, type GeneratedProject } from './generated-project.js';
import { descendantsOf, isRunning, listenersAmong, processInfo, type ProcessInfo } from './processes.js';

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ContainerLine extends OutputLine {
  /** The name in the `<container> | ` prefix. */
  container: string;
  /** The line after the prefix. */
  body: string;
}

export interface Ended {
  /** How npm itself exited. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Output lines kept per run; far more than any check needs (the rotation check makes ~11,000). */
const MAX_LINES = 200_000;

/** `<container padded> | <line>`, as scripts/dev.mjs prefixes every container's output. */
const PREFIXED = /^([a-z0-9][a-z0-9./-]*) *\| (.*)$/;

/** Polls `probe` until it gives something other than undefined/false, or throws with `what` and context. */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs, intervalMs = 100, what, context }: { timeoutMs: number; intervalMs?: number; what: string; context?: () => string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}${context ? `\n${context()}` : ''}`);
    }
    await sleep(intervalMs);
  }
}

export class DevRun {
  readonly lines: OutputLine[] = [];
  /** Lines not kept once MAX_LINES were. */
  dropped = 0;
  readonly child: ChildProcess;
  /** npm's own exit. */
  readonly npmExited: Promise<Ended>;
  /**
   * Every process that holds our end of its output has exited: npm, its shell and
   * scripts/dev.mjs (the containers write to the runner, not to us).
   */
  readonly closed: Promise<Ended>;
  private isClosed = false;
  /** Every process seen in the run's tree, by `pid/startTime`. */
  private readonly seen = new Map<string, ProcessInfo>();
  private readonly tracker: NodeJS.Timeout;

  constructor(readonly project: GeneratedProject) {
    // Its own process group, as a terminal gives a foreground job: signals to -pid reach npm,
    // its shell and the runner (not the containers: the runner puts each in a group of its own).
    this.child = spawn('npm', ['run', 'dev'], {
      cwd: project.dir,
      env: projectEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: this.child[stream]!, crlfDelay: Infinity }).on('line', (text) => {
        // A container gone wild (e.g. a shipper re-reading its file forever) must not take the test runner down.
        if (this.lines.length < MAX_LINES) this.lines.push({ stream, text });
        else this.dropped += 1;
      });
    }
    this.npmExited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.closed = new Promise((resolve) =>
      this.child.once('close', (code, signal) => {
        this.isClosed = true;
        resolve({ code, signal });
      }),
    );
    this.child.once('error', (err) => this.lines.push({ stream: 'stderr', text: `(test) spawning npm failed: ${err.message}` }));
    this.tracker = setInterval(() => this.track(), 200);
    this.tracker.unref();
    process.once('exit', this.killOnExit);
  }

  /** If the test process exits without dispose() (a crash, a bail-out), nothing of the run outlives it. */
  private readonly killOnExit = () => {
    const groups = this.isClosed ? [] : [-this.child.pid!];
    const processes = this.running().flatMap((p) => (p.pgid === p.pid ? [-p.pid, p.pid] : [p.pid]));
    for (const target of [...groups, ...processes]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };

  /** The last lines of output, for failure messages. */
  tail(count = 60): string {
    const dropped = this.dropped > 0 ? ` (${this.dropped} more lines came after these and were not kept)` : '';
    return `--- last ${count} lines of \`npm run dev\` in ${this.project.dir}${dropped} ---\n${this.lines
      .slice(-count)
      .map((l) => (l.stream === 'stderr' ? `[err] ${l.text}` : l.text))
      .join('\n')}`;
  }

  /** Output lines that carry a `<container> | ` prefix, both streams, each in arrival order. */
  containerLines(container?: string): ContainerLine[] {
    const out: ContainerLine[] = [];
    for (const line of this.lines) {
      const match = PREFIXED.exec(line.text);
      if (match && (container === undefined || match[1] === container)) out.push({ ...line, container: match[1], body: match[2] });
    }
    return out;
  }

  /** The JSON objects a container printed (lines after its prefix that parse as objects). */
  jsonOf(container: string, stream?: 'stdout' | 'stderr'): any[] {
    return this.containerLines(container)
      .filter((l) => (stream === undefined || l.stream === stream) && l.body.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l.body);
        } catch {
          return undefined;
        }
      })
      .filter((value) => value !== undefined);
  }

  /** Waits for the app to answer GET /healthz on its port; fails at once if the run ended. */
  async waitUntilServing(timeoutMs = 90_000): Promise<void> {
    await eventually(
      async () => {
        if (this.isClosed) throw new Error('`npm run dev` ended before the app answered');
        return (await request(this.project.port, '/healthz', { timeoutMs: 1000 })).status === 200;
      },
      { timeoutMs, intervalMs: 200, what: `GET 127.0.0.1:${this.project.port}/healthz to answer 200`, context: () => this.tail() },
    );
  }

  /** Waits for an output line; `since` skips the lines before that index. */
  waitForLine(test: (line: OutputLine) => boolean, what: string, { timeoutMs = 15_000, since = 0 } = {}): Promise<OutputLine> {
    return eventually(() => this.lines.slice(since).find(test), { timeoutMs, intervalMs: 50, what, context: () => this.tail() });
  }

  /** Records every process now in the run's tree (restarted containers included). */
  track(): ProcessInfo[] {
    const roots = [this.child.pid!, ...this.running().map((p) => p.pid)];
    const npm = processInfo(this.child.pid!);
    for (const info of [...(npm ? [npm] : []), ...descendantsOf(roots)]) {
      if (info.state !== 'Z') this.seen.set(`${info.pid}/${info.startTime}`, info);
    }
    return this.running();
  }

  /** The processes of the run still running. */
  running(): ProcessInfo[] {
    return [...this.seen.values()].filter((p) => isRunning(p.pid, p.startTime));
  }

  /** scripts/dev.mjs, the runner that `npm run dev` starts. */
  runner(): ProcessInfo {
    // `node scripts/dev.mjs`, not the shell npm runs it through (`sh -c "... && node scripts/dev.mjs"`).
    const runner = this.track().find((p) => /^\S*node(\.exe)? (\S*\/)?scripts\/dev\.mjs$/.test(p.cmdline));
    if (!runner) throw new Error(`scripts/dev.mjs is not running\n${this.tail()}`);
    return runner;
  }

  /** The process of this run that listens on `port`, and on which address. */
  listenerOn(port: number): { pid: number; address: string } | undefined {
    return listenersAmong(
      this.track().map((p) => p.pid),
      port,
    )[0];
  }

  /** Sends a signal to the runner only (scripts/dev.mjs), as a supervisor of that process would. */
  signalRunner(signal: NodeJS.Signals): void {
    process.kill(this.runner().pid, signal);
  }

  /** Sends a signal to npm's whole process group, as Ctrl-C (SIGINT) or a closing terminal (SIGHUP) does. */
  signalGroup(signal: NodeJS.Signals): void {
    this.track();
    process.kill(-this.child.pid!, signal);
  }

  /** Sends a signal to the npm process alone, as `kill <pid>` or a process manager does. */
  signalNpm(signal: NodeJS.Signals): void {
    this.track();
    process.kill(this.child.pid!, signal);
  }

  /**
   * Waits until our output is closed and no process of the run is left. Returns how npm exited,
   * and what still runs when time is up (empty when all is well).
   */
  async ended(timeoutMs: number): Promise<Ended & { leftovers: ProcessInfo[] }> {
    const deadline = Date.now() + timeoutMs;
    const timeUp = sleep(timeoutMs).then(() => undefined);
    const exit = await Promise.race([this.closed, timeUp]);
    while (this.track().length > 0 && Date.now() < deadline) await sleep(100);
    if (!exit) throw new Error(`\`npm run dev\` still had its output open after ${timeoutMs} ms\n${this.tail()}`);
    return { ...exit, leftovers: this.running() };
  }

  /**
   * Stops whatever of the run is left: the runner gets SIGTERM and a few seconds, then what
   * still runs is killed (process groups included). Always safe to call.
   */
  async dispose(): Promise<void> {
    if (!this.isClosed) {
      try {
        this.signalRunner('SIGTERM');
        await Promise.race([this.closed, sleep(5000)]);
      } catch {
        // no runner (it died, or never started): kill below
      }
    }
    clearInterval(this.tracker);
    process.removeListener('exit', this.killOnExit);
    const kill = (target: number) => {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    for (let round = 0; round < 20; round += 1) {
      const left = this.track();
      if (!this.isClosed) kill(-this.child.pid!);
      if (left.length === 0) break;
      for (const p of left) {
        // Still checked right before the kill, so a reused pid is never hit.
        if (!isRunning(p.pid, p.startTime)) continue;
        if (p.pgid === p.pid) kill(-p.pid);
        kill(p.pid);
      }
      await sleep(100);
    }
    await Promise.race([this.closed, sleep(3000)]);
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    // A killed runner cannot remove the temp folders it made for the emptyDirs.
    for (const folder of this.emptyDirFolders()) rmSync(folder, { recursive: true, force: true });
  }

  /** The temp folders `npm run dev` made for the emptyDirs (it prints `emptyDir <key>: <folder>`). */
  emptyDirFolders(): string[] {
    return this.lines
      .filter((line) => line.stream === 'stdout' && /^\s*emptyDir \S+: /.test(line.text))
      .map((line) => line.text.replace(/^\s*emptyDir \S+: /, '').trim())
      .filter((folder) => isAbsolute(folder) && folder.startsWith(tmpdir()));
  }
}

/** Starts `npm run dev` in the project. */
export function startDev(project: GeneratedProject): DevRun {
  return new DevRun(project);
}

/**
 * `npm run dev` as a suite's tests want it: started once `ports` are free, the app serving, and
 * each helper in `healthz` (name -> port) answering GET /healthz. Disposed if it never gets there.
 */
export async function servingDev(
  project: GeneratedProject,
  { ports, healthz = {} }: { ports: number[]; healthz?: Record<string, number> },
): Promise<DevRun> {
  await waitForFreePorts(ports, 90_000);
  const dev = startDev(project);
  try {
    await dev.waitUntilServing();
    for (const [helper, port] of Object.entries(healthz)) {
      await eventually(async () => (await request(port, '/healthz', { timeoutMs: 1000 })).status === 200, {
        timeoutMs: 30_000,
        what: `the ${helper} on :${port}`,
        context: () => dev.tail(),
      });
    }
    return dev;
  } catch (error) {
    await dev.dispose();
    throw error;
  }
}
