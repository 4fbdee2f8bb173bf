import { copyFileSync, renameSync, existsSync, rmSync, truncateSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogWriter, jsonLines, lostAndRepeated, settle, sleep, startShipper, tempDir, waitFor } from './helpers';

/** logrotate's copytruncate: shift the numbered copies, copy the log to .1, truncate the log. */
function copyTruncate(log: string, keep = 5): void {
  rmSync(`${log}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) if (existsSync(`${log}.${i}`)) renameSync(`${log}.${i}`, `${log}.${i + 1}`);
  copyFileSync(log, `${log}.1`);
  truncateSync(log, 0);
}

describe('truncation and copytruncate', () => {
  it('truncated and at once written past the old offset: ships every new line, no fragment', async () => {
    for (let run = 0; run < 10; run++) {
      const dir = tempDir();
      const log = join(dir, 'access.log');
      writeFileSync(log, jsonLines(1, 100));
      const { shipper, output } = startShipper(dir, { pollIntervalMs: 100 });
      await waitFor(() => output.lines().length === 100);
      truncateSync(log, 0);
      appendFileSync(log, jsonLines(1001, 1300)); // longer than the 100 lines before
      await settle(() => output.lines().length >= 400);
      await sleep(150);
      await shipper.stop();
      const lines = output.lines();
      expect({ run, malformed: lines.filter((line) => line.malformed).length }).toEqual({ run, malformed: 0 });
      expect({
        run,
        ...lostAndRepeated(
          lines.slice(100).map((line) => line.n - 1000),
          300,
        ),
      }).toEqual({ run, lost: 0, repeated: 0 });
    }
  });

  it('copytruncate with lines the shipper had not read yet: the rest comes from the copy', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 100));
    const { shipper, output } = startShipper(dir, { pollIntervalMs: 300 });
    await waitFor(() => output.lines().length === 100);
    appendFileSync(log, jsonLines(101, 200)); // not read yet...
    copyTruncate(log); // ... when the log is copied and truncated
    appendFileSync(log, jsonLines(201, 250));
    await settle(() => output.lines().length >= 250);
    await sleep(350);
    await shipper.stop();
    expect(
      lostAndRepeated(
        output.lines().map((line) => line.n),
        250,
      ),
    ).toEqual({ lost: 0, repeated: 0 });
  });

  it('four copytruncates during a burst of 200,000 lines lose and repeat nothing', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    const writer = new LogWriter(log);
    const { shipper, output } = startShipper(dir);
    const total = 200_000;
    for (let n = 1; n <= total; n += 1000) {
      writer.write(jsonLines(n, n + 999));
      if ((n + 999) % 40_000 === 0) copyTruncate(log);
      await new Promise((resolve) => setImmediate(resolve));
    }
    writer.close();
    await settle(() => output.lines().length >= total, 30_000);
    await sleep(50);
    await shipper.stop();
    expect(
      lostAndRepeated(
        output.lines().map((line) => line.n),
        total,
      ),
    ).toEqual({ lost: 0, repeated: 0 });
  }, 60_000);

  it('the same line from the copy carries the same fileId and offset as from the original', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 10));
    const { shipper, output } = startShipper(dir, { pollIntervalMs: 300 });
    await waitFor(() => output.lines().length === 10);
    appendFileSync(log, jsonLines(11, 20));
    copyTruncate(log);
    await settle(() => output.lines().length >= 20);
    await shipper.stop();
    const [first, eleventh] = [output.lines()[0], output.lines()[10]];
    expect(eleventh.fileId).toBe(first.fileId);
    expect(eleventh.offset).toBe(jsonLines(1, 10).length);
  });
});
