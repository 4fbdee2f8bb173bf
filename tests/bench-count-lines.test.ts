import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const COUNTER = fileURLToPath(new URL('../bench/lib/count-lines.mjs', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Starts the bench's line counter on a new named pipe; `write` feeds the pipe, `until(n)` waits for n JSON reports. */
function startCounter(expected: number) {
  const dir = mkdtempSync(join(tmpdir(), 'count-lines-'));
  const fifo = join(dir, 'stdout');
  execFileSync('mkfifo', [fifo]);
  const fd = openSync(fifo, 'r+');
  const child = spawn(process.execPath, [COUNTER, fifo, String(expected)], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => {
    child.kill();
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const reports = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  const until = async (count: number) => {
    while (reports().length < count) await new Promise((resolve) => setTimeout(resolve, 10));
    return reports();
  };
  return { write: (text: string) => writeSync(fd, text), until };
}

describe("the log-shipper bench's line counter (a reader of its own for each follower's stdout)", () => {
  it('reports when the expected lines have come, with the times of the first and the last read', async () => {
    const { write, until } = startCounter(5);
    write('a\nb\n');
    write('c\nd\ne\n');
    const [report] = await until(1);
    expect(report.lines).toBe(5);
    expect(BigInt(report.last) >= BigInt(report.first)).toBe(true);
  });

  it('reports lines beyond the expected ones, so a line printed twice is seen', async () => {
    const { write, until } = startCounter(2);
    write('a\nb\nc\n');
    expect((await until(1))[0].lines).toBe(3);
    write('d\n');
    expect((await until(2))[1]).toEqual({ lines: 4 });
  });
});
