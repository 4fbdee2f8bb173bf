import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogWriter, jsonLines, lostAndRepeated, settle, sleep, startShipper, tempDir, waitFor } from './helpers';

describe('rotation while the shipper is down or behind', () => {
  it('after two rotations while stopped, ships the rest of every rotated file, oldest first, then the live one', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'));
    writer.write(jsonLines(1, 100));
    const first = startShipper(dir);
    await waitFor(() => first.output.lines().length === 100);
    await first.shipper.stop();

    // While it is down: the file it was in gets 50 more lines and becomes .2; another fills and becomes .1.
    writer.write(jsonLines(101, 150));
    writer.rotate();
    writer.write(jsonLines(151, 300));
    writer.rotate();
    writer.write(jsonLines(301, 320));
    const second = startShipper(dir);
    await settle(() => second.output.lines().length >= 220);
    await sleep(50);
    await second.shipper.stop();
    writer.close();
    const shipped = [...first.output.lines(), ...second.output.lines()].map((line) => line.n);
    expect(lostAndRepeated(shipped, 320)).toEqual({ lost: 0, repeated: 0 });
    expect(second.output.lines().map((line) => line.n)).toEqual(Array.from({ length: 220 }, (_, i) => 101 + i));
  });

  it('three quick rotations between two looks lose nothing', async () => {
    for (let run = 0; run < 5; run++) {
      const dir = tempDir();
      const writer = new LogWriter(join(dir, 'access.log'));
      writer.write(jsonLines(1, 100));
      const { shipper, output } = startShipper(dir, { pollIntervalMs: 300 });
      await waitFor(() => output.lines().length === 100);
      for (let k = 0; k < 3; k++) {
        writer.write(jsonLines(101 + k * 100, 200 + k * 100));
        writer.rotate();
      }
      writer.write(jsonLines(401, 500));
      writer.close();
      await settle(() => output.lines().length >= 500, 10_000);
      await sleep(350);
      await shipper.stop();
      expect({
        run,
        ...lostAndRepeated(
          output.lines().map((line) => line.n),
          500,
        ),
      }).toEqual({ run, lost: 0, repeated: 0 });
    }
  });

  it('a burst of 200,000 lines rotating every 500 lines, four rotations between two looks, loses and repeats nothing', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'));
    const { shipper, output } = startShipper(dir);
    const total = 200_000;
    for (let n = 1; n <= total; n += 500) {
      writer.write(jsonLines(n, n + 499));
      writer.rotate();
      // The app's event loop turns (and the shipper looks) every 2,000 lines.
      if ((n + 499) % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
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

  it('says which file and how many bytes were lost when a file was deleted before it was read', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'), 1);
    writer.write(jsonLines(1, 10));
    const warnings: Record<string, unknown>[] = [];
    const first = startShipper(dir);
    await waitFor(() => first.output.lines().length === 10);
    await first.shipper.stop();
    writer.write(jsonLines(11, 20)); // 10 lines never read:
    writer.rotate();
    writer.rotate(); // ... and deleted, as the app keeps only one rotated file here
    writer.write(jsonLines(21, 22));
    writer.close();
    const second = startShipper(dir, {
      rotatedFiles: 1,
      log: (level, event, fields) => level === 'warn' && warnings.push({ event, ...fields }),
    });
    await waitFor(() => second.output.lines().length === 2);
    await second.shipper.stop();
    // How much it had grown while nobody looked is not known: the warning says at least how much.
    const fileId = first.output.lines()[0].fileId;
    expect(warnings).toEqual([
      { event: 'lines lost: a file was deleted before it was read to its end', fileId, unreadBytesAtLeast: 0 },
      // The newest file it knew is gone too: how many files came and went after it, nothing tells.
      {
        event: 'lines may be lost: the files rotated away while the shipper was down left no trace',
        knownFiles: 1,
        newestKnownFileId: fileId,
      },
    ]);
  });
});

describe('catching up on a rotated file larger than one read', () => {
  it('splits no line where a read of MAX_LINE_BYTES ends: every line whole, none malformed', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'));
    // ~60 KB in a file already rotated when the shipper starts: read 4 KiB at a time, the end
    // of a read falls inside a line fifteen times; only the file's own end is a last line.
    writer.write(jsonLines(1, 5000));
    writer.rotate();
    writer.write(jsonLines(5001, 5010));
    writer.close();
    const { shipper, output } = startShipper(dir, { maxLineBytes: 4096 });
    await settle(() => output.lines().length >= 5010, 10_000);
    await shipper.stop();
    const malformed = output.lines().filter((line) => line.malformed).length;
    expect({
      malformed,
      ...lostAndRepeated(
        output.lines().flatMap((line) => line.n ?? []),
        5010,
      ),
    }).toEqual({ malformed: 0, lost: 0, repeated: 0 });
  });
});
