import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PositionStore } from '../src/position-store';
import { jsonLines, sleep, startShipper, tempDir, waitFor } from './helpers';

describe('shipping lines', () => {
  it('waits for the file, then prints each line once as JSON tagged with its source', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    const { shipper, output, done } = startShipper(dir);
    await sleep(30); // the file does not exist yet
    writeFileSync(log, jsonLines(1, 3));
    await waitFor(() => output.lines().length === 3);
    appendFileSync(log, jsonLines(4, 6));
    await waitFor(() => output.lines().length === 6);
    await shipper.stop();
    await done;
    expect(output.bodies()).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ source: 'access.log', n })));
    // Each record says where it starts: the file's fingerprint and the byte offset.
    const text = jsonLines(1, 6);
    expect(output.lines().map((line) => line.offset)).toEqual([1, 2, 3, 4, 5, 6].map((n) => text.indexOf(`{"n":${n}}`)));
    expect(new Set(output.lines().map((line) => line.fileId)).size).toBe(1);
  });

  it('ships a new line as soon as it is written, not at the next poll, where the folder can be watched', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    const { shipper, output } = startShipper(dir, { pollIntervalMs: 60_000 });
    await sleep(30); // waiting for the file, for up to a minute
    writeFileSync(log, jsonLines(1, 1));
    await waitFor(() => output.lines().length === 1);
    appendFileSync(log, jsonLines(2, 2));
    await waitFor(() => output.lines().length === 2);
    // Stopping is not held up by the long poll either: it ends after the quiet period.
    const stopped = shipper.stop().then(() => 'stopped');
    expect(await Promise.race([stopped, sleep(10_000).then(() => 'still waiting')])).toBe('stopped');
    expect(output.lines().map((line) => line.n)).toEqual([1, 2]);
  });

  it('holds a line until its newline arrives', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, '{"method":"GET",');
    const { shipper, output } = startShipper(dir);
    await sleep(50);
    expect(output.chunks).toEqual([]);
    appendFileSync(log, '"status":200}\n');
    await waitFor(() => output.lines().length === 1);
    await shipper.stop();
    expect(output.bodies()).toEqual([{ source: 'access.log', method: 'GET', status: 200 }]);
  });

  it("keeps a JSON line's own text: no reordering, no rounding", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'access.log'), '{"z":1,"id":12345678901234567890,"a":[1.50]}\n');
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.chunks.length === 1);
    await shipper.stop();
    expect(output.chunks).toEqual([
      `{"source":"access.log","fileId":"${output.lines()[0].fileId}","offset":0,"z":1,"id":12345678901234567890,"a":[1.50]}\n`,
    ]);
  });

  it('batches many lines into few writes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'access.log'), jsonLines(1, 10_000));
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 10_000);
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(output.chunks.length).toBeLessThan(10);
  });

  it('saves the offset of the last shipped line', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 5));
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 5);
    await shipper.stop();
    const saved = new PositionStore(join(dir, '.log-shipper.offset')).load();
    expect(saved).toEqual([
      expect.objectContaining({ fileId: output.lines()[0].fileId, ino: statSync(log).ino, offset: statSync(log).size }),
    ]);
  });
});
