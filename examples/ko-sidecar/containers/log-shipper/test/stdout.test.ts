import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuiltShipper, ShippedCount } from './built-shipper';
import { bundle, jsonLines, shipperEnv, sleep, tempDir, waitFor } from './helpers';

/** O_NONBLOCK in /proc/<pid>/fdinfo's flags (octal). */
const O_NONBLOCK = 0o4000;
const hasProc = existsSync('/proc/self/fdinfo');

function stdoutIsNonBlocking(pid: number): boolean {
  const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/${pid}/fdinfo/1`, 'utf8'))![1];
  return (Number.parseInt(flags, 8) & O_NONBLOCK) !== 0;
}

describe("the built shipper's stdout", () => {
  it.runIf(hasProc)(
    'stays in blocking mode, so batches are written from the thread pool',
    async () => {
      const dir = tempDir();
      const total = 50_000;
      writeFileSync(join(dir, 'access.log'), jsonLines(1, total));
      const counted = new ShippedCount(total);
      const shipper = BuiltShipper.start(await bundle(), dir, counted);
      await waitFor(() => counted.inOrder === total, 30_000);
      // Anything that touches process.stdout (a console.log) makes fd 1 non-blocking, and every
      // batch would then take the slower way through the event loop.
      expect(stdoutIsNonBlocking(shipper.child.pid!)).toBe(false);
      shipper.child.kill('SIGTERM');
      await shipper.exited;
      expect(counted.summary()).toMatchObject({ lost: 0, repeated: 0 });
    },
    60_000,
  );

  it.runIf(hasProc)(
    'made non-blocking by someone else, goes on through process.stdout: every line once, nothing lost',
    async () => {
      const dir = tempDir();
      const total = 200_000; // about 20 MB of output: the pipe is full many times over
      writeFileSync(join(dir, 'access.log'), jsonLines(1, total));
      // Touching process.stdout before the shipper starts makes fd 1 non-blocking, as a
      // process sharing the pipe would: write then says EAGAIN whenever the pipe is full.
      const preload = join(dir, 'nonblocking-stdout.cjs');
      writeFileSync(preload, 'process.stdout;\n');
      const counted = new ShippedCount(total);
      const shipper = BuiltShipper.start(await bundle(), dir, counted, { NODE_OPTIONS: `--require "${preload}"` });
      const exitCode = new Promise((resolve) => shipper.child.on('exit', resolve));
      await shipper.started();
      expect(stdoutIsNonBlocking(shipper.child.pid!)).toBe(true);
      // A slow reader: the pipe fills while it pauses.
      for (let i = 0; i < 5; i++) {
        shipper.child.stdout!.pause();
        await sleep(100);
        shipper.child.stdout!.resume();
        await sleep(20);
      }
      await waitFor(() => counted.inOrder === total, 30_000);
      shipper.child.kill('SIGTERM');
      expect(await exitCode).toBe(0);
      await shipper.exited;
      expect(counted.summary()).toMatchObject({ lost: 0, repeated: 0 });
    },
    60_000,
  );

  it('when nobody reads it any more (EPIPE), the shipper says so and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'access.log'), jsonLines(1, 100_000));
    const child = spawn(process.execPath, [await bundle()], {
      env: { PATH: process.env.PATH ?? '', ...shipperEnv(dir) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader goes away
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    const failed = stderr
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((line) => line.event === 'failed');
    expect(failed).toMatchObject({ level: 'error', error: expect.stringContaining('EPIPE') });
  }, 30_000);
});
