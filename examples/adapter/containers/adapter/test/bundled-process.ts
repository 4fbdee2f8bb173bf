import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles src/index.ts the way the project's build does and starts it with `env`. */
export async function startBundled(env: Record<string, string>): Promise<RunningProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'adapter-test-'));
  const outfile = join(dir, 'index.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile,
    logLevel: 'silent',
  });
  const child = spawn(process.execPath, [outfile], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { event: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const w of waiters.filter((w) => w.event === line.event)) w.resolve(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.finally(() => rmSync(dir, { recursive: true, force: true }));
  return {
    child,
    lines,
    exited,
    waitFor: (event) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((l) => l.event === event);
        if (seen) return resolve(seen);
        waiters.push({ event, resolve });
        void exited.then((code) => reject(new Error(`exited with ${code} before logging "${event}"`)));
      }),
  };
}

export interface RunningProcess {
  child: ChildProcess;
  /** Every JSON line the process printed so far. */
  lines: Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with the first log line whose `event` is `event`. */
  waitFor(event: string): Promise<Record<string, unknown>>;
}
