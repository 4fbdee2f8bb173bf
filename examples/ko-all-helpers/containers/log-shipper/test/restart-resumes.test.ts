import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PositionStore } from '../src/position-store';
import { jsonLines, sleep, startShipper, tempDir, waitFor } from './helpers';

describe('restart', () => {
  it('resumes at the saved offset: only the new lines are shipped', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 10));
    const first = startShipper(dir);
    await waitFor(() => first.output.lines().length === 10);
    await first.shipper.stop();

    appendFileSync(log, jsonLines(11, 15));
    const second = startShipper(dir);
    await waitFor(() => second.output.lines().length === 5);
    await sleep(50);
    await second.shipper.stop();
    expect(second.output.lines().map((line) => line.n)).toEqual([11, 12, 13, 14, 15]);
  });

  it('finishes the rotated file it was in, then the new one', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 10));
    const first = startShipper(dir);
    await waitFor(() => first.output.lines().length === 10);
    await first.shipper.stop();

    // While the shipper is down, the app writes more, rotates, and writes on.
    appendFileSync(log, jsonLines(11, 12));
    renameSync(log, `${log}.1`);
    writeFileSync(log, jsonLines(13, 14));
    const second = startShipper(dir);
    await waitFor(() => second.output.lines().length === 4);
    await sleep(50);
    await second.shipper.stop();
    expect(second.output.lines().map((line) => line.n)).toEqual([11, 12, 13, 14]);
  });

  it('starts at the beginning when the saved file is gone', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 3));
    new PositionStore(join(dir, '.log-shipper.offset')).save([
      { fileId: 'another', dev: 1, ino: 1, offset: 20, size: 20, skippingLongLine: false, done: false },
    ]);
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 3);
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual([1, 2, 3]);
  });
});
