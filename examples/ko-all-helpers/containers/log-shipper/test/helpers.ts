import { closeSync, existsSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { onTestFinished } from 'vitest';
import { Shipper, type ShipperOptions } from '../src/shipper';

/** A fresh folder, removed when the current test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'log-shipper-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Collects what the shipper writes, as parsed JSON lines. */
export class Collector {
  readonly chunks: string[] = [];
  readonly write = (chunk: Buffer) => void this.chunks.push(chunk.toString());
  // any: tests read fields of the shipped objects freely.
  lines(): any[] {
    return parseLines(this.chunks.join(''));
  }
  /** The lines without the fields that say where each came from (fileId, offset). */
  bodies(): any[] {
    return this.lines().map(({ fileId, offset, ...body }) => body);
  }
}

export function parseLines(text: string): any[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** How a run went: the numbers `n` never shipped and those shipped more than once. */
export function lostAndRepeated(shipped: number[], total: number): { lost: number; repeated: number } {
  const seen = new Uint32Array(total + 1);
  let repeated = 0;
  for (const n of shipped) if (seen[n]++ > 0) repeated++;
  let lost = 0;
  for (let n = 1; n <= total; n++) if (seen[n] === 0) lost++;
  return { lost, repeated };
}

/** The environment of the built shipper, following `<dir>/access.log`, as the manifest sets it. */
export function shipperEnv(dir: string): Record<string, string> {
  return {
    LOG_FILE: join(dir, 'access.log'),
    LOG_ROTATED_FILES: '5',
    OFFSET_FILE: join(dir, '.log-shipper.offset'),
    POLL_INTERVAL_MS: '20',
    SHUTDOWN_QUIET_MS: '500',
    MAX_LINE_BYTES: String(1024 * 1024),
  };
}

/** A shipper following `<dir>/access.log`, fast polling, writing into a Collector. */
export function startShipper(dir: string, overrides: Partial<ShipperOptions> = {}) {
  const output = new Collector();
  const shipper = new Shipper({
    logFile: join(dir, 'access.log'),
    offsetFile: join(dir, '.log-shipper.offset'),
    rotatedFiles: 5,
    pollIntervalMs: 5,
    shutdownQuietMs: 50,
    maxLineBytes: 1024 * 1024,
    write: output.write,
    ...overrides,
  });
  const done = shipper.start();
  return { shipper, output, done };
}

/**
 * Writes like the app does: O_APPEND, and rotation as logrotate numbers files: `.N-1` to
 * `.N` (the old `.N` is deleted), ..., `.1` to `.2`, the log to `.1`, then a new log.
 */
export class LogWriter {
  private fd: number;
  constructor(
    readonly path: string,
    readonly keep = 5,
  ) {
    this.fd = openSync(path, 'a');
  }
  write(text: string): void {
    writeSync(this.fd, text);
  }
  rotate(): void {
    closeSync(this.fd);
    rmSync(`${this.path}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    if (this.keep > 0) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path);
    this.fd = openSync(this.path, 'a');
  }
  close(): void {
    closeSync(this.fd);
  }
}

export const jsonLines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${JSON.stringify({ n: from + i })}\n`).join('');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** Waits until `check` holds or the time is up, without failing: the caller then counts what was lost. */
export async function settle(check: () => boolean, timeoutMs?: number): Promise<void> {
  await waitFor(check, timeoutMs).catch(() => {});
}

/**
 * Bundles src/index.ts as the project's build does (esbuild, cjs, node20); these tests read its
 * stdout and stderr as streams. The bundle goes when the current test ends.
 */
export async function bundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'log-shipper-bundle-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'index.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
