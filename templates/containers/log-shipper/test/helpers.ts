import { closeSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    return this.chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  }
}

/** A shipper following `<dir>/access.log`, fast polling, writing into a Collector. */
export function startShipper(dir: string, overrides: Partial<ShipperOptions> = {}) {
  const output = new Collector();
  const shipper = new Shipper({
    logFile: join(dir, 'access.log'),
    offsetFile: join(dir, '.log-shipper.offset'),
    pollIntervalMs: 5,
    shutdownQuietMs: 50,
    write: output.write,
    ...overrides,
  });
  const done = shipper.start();
  return { shipper, output, done };
}

/** Writes like the app does: O_APPEND, and rotation by renaming to `.1`. */
export class LogWriter {
  private fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }
  write(text: string): void {
    writeSync(this.fd, text);
  }
  rotate(): void {
    closeSync(this.fd);
    renameSync(this.path, `${this.path}.1`);
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
