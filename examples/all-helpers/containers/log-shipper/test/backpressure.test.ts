import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PositionStore } from '../src/position-store';
import { streamSink } from '../src/stdout-sink';
import { jsonLines, sleep, startShipper, tempDir, waitFor } from './helpers';

describe('backpressure', () => {
  it('the stdout sink waits until the stream has taken the batch', async () => {
    const stream = new PassThrough({ highWaterMark: 8 });
    const write = streamSink(stream);
    await write('abc'); // below the mark: resolves at once
    let written = false;
    const pending = write('0123456789').then(() => (written = true));
    await sleep(20);
    expect(written).toBe(false);
    stream.read(); // the reader catches up
    await pending;
    expect(written).toBe(true);
  });

  it('the shipper reads no further while its output is busy', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'access.log'), jsonLines(1, 300_000)); // several MiB: several batches
    const batches: string[] = [];
    let release = () => {};
    const { shipper } = startShipper(dir, {
      write: (chunk) => {
        batches.push(chunk.toString()); // a copy: the shipper reuses its buffer
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await waitFor(() => batches.length === 1);
    await sleep(50);
    expect(batches).toHaveLength(1); // still waiting for the first write to be taken
    expect(batches[0].length).toBeLessThan(2 * 1024 * 1024); // one bounded batch, not the whole file
    release();
    await waitFor(() => batches.length === 2);
    // Let the rest through, then stop.
    const all = (async () => {
      while (batches.join('').split('\n').length <= 300_000) {
        release();
        await sleep(1);
      }
    })();
    await all;
    const stopped = shipper.stop();
    release();
    await stopped;
    const shipped = batches.join('').split('\n').filter(Boolean);
    expect(shipped).toHaveLength(300_000);
    expect(JSON.parse(shipped[299_999])).toMatchObject({ source: 'access.log', n: 300_000 });
  });

  it('one batch in flight at a time, and the position saved covers only the batches stdout has taken', async () => {
    // The next batch is formatted while one is written: neither may run ahead of stdout.
    const dir = tempDir();
    const total = 300_000;
    writeFileSync(join(dir, 'access.log'), jsonLines(1, total));
    let inFlight: { text: string; taken: () => void } | undefined;
    let overlapping = 0;
    const { shipper } = startShipper(dir, {
      write: (chunk) =>
        new Promise<void>((taken) => {
          if (inFlight) overlapping++;
          inFlight = { text: chunk.toString(), taken };
        }),
    });
    const savedOffset = () => new PositionStore(join(dir, '.log-shipper.offset')).load()[0]?.offset ?? 0;
    const taken: string[] = [];
    let lastTaken: { offset: number; n: number } | undefined;
    let batches = 0;
    while (lastTaken?.n !== total) {
      await waitFor(() => inFlight !== undefined);
      await sleep(5); // time to format the next batch, and to save a position if it would
      expect(savedOffset()).toBe(lastTaken ? lastTaken.offset + jsonLines(lastTaken.n, lastTaken.n).length : 0);
      const batch = inFlight!;
      inFlight = undefined;
      taken.push(batch.text);
      lastTaken = JSON.parse(batch.text.slice(batch.text.lastIndexOf('\n', batch.text.length - 2) + 1));
      batches++;
      batch.taken();
    }
    await shipper.stop();
    expect(overlapping).toBe(0);
    expect(batches).toBeGreaterThan(3);
    expect(savedOffset()).toBe(jsonLines(1, total).length);
    const shipped = taken.join('').split('\n').filter(Boolean);
    expect(shipped.map((line) => JSON.parse(line).n)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
});
