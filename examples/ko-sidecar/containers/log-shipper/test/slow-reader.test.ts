import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogWriter, jsonLines, lostAndRepeated, settle, parseLines, sleep, startShipper, tempDir } from './helpers';

describe('a slow reader of stdout', () => {
  it('loses nothing while the app rotates files away: every file is opened before it is deleted', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'), 2);
    const chunks: string[] = [];
    // Takes a batch, then needs 1 ms per 100 lines before it takes the next.
    const slowWrite = async (chunk: Buffer) => {
      const text = chunk.toString();
      chunks.push(text);
      await sleep(Math.ceil(text.split('\n').length / 100));
    };
    const { shipper } = startShipper(dir, { write: slowWrite });
    const total = 200_000;
    for (let n = 1; n <= total; n += 1000) {
      writer.write(jsonLines(n, n + 999));
      if ((n + 999) % 10_000 === 0) writer.rotate(); // .2 deleted at each rotation: 30,000 lines on disk at most
      await sleep(1);
    }
    writer.close();
    const shipped = () => parseLines(chunks.join(''));
    await settle(() => shipped().length >= total, 60_000);
    await sleep(50);
    await shipper.stop();
    expect(
      lostAndRepeated(
        shipped().map((line) => line.n),
        total,
      ),
    ).toEqual({ lost: 0, repeated: 0 });
  }, 90_000);
});
