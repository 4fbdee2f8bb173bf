import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { onTestFinished } from 'vitest';

/**
 * What every container's process tests share: the container bundled the way `npm run build`
 * bundles it (esbuild, one CommonJS file for Node 20+), started with only the env given.
 */
export interface RunningProcess {
  child: ChildProcess;
  /** Every JSON line the process printed on stdout so far. */
  lines: Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with the first stdout line whose `event` is `event`. */
  waitFor(event: string): Promise<Record<string, unknown>>;
}

/**
 * Bundles `entry` (a container's src/index.ts) and starts it with `env`; `wrapper`, if given, is a
 * command that runs node with the bundle as its last arguments (a test's stand-in for a container).
 */
export async function startBundled(entry: URL, env: Record<string, string>, wrapper: string[] = []): Promise<RunningProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'container-test-'));
  // Gone when the test ends, or when the process exits if that comes first; a process still
  // running then has long read its bundle. (Its exit alone left a folder behind whenever the
  // test run ended first.)
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'index.cjs');
  await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  const [command, ...args] = [...wrapper, process.execPath, outfile];
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { event: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.event === line.event)) waiter.resolve(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.finally(() => rmSync(dir, { recursive: true, force: true }));
  return {
    child,
    lines,
    exited,
    waitFor: (event) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => line.event === event);
        if (seen) return resolve(seen);
        waiters.push({ event, resolve });
        void exited.then((code) => reject(new Error(`exited with ${code} before logging "${event}"`)));
      }),
  };
}
