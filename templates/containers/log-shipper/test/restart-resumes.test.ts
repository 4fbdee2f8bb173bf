import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OffsetStore } from '../src/offset-store';
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
    writeFileSync(join(dir, '.log-shipper.offset'), JSON.stringify({ inode: 1, offset: 20 }));
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 3);
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual([1, 2, 3]);
  });

  it('keeps the offset file whole JSON from save to save, a shorter record over a longer one', () => {
    const path = join(tempDir(), '.log-shipper.offset');
    writeFileSync(path, JSON.stringify({ inode: 7, offset: 70 }));
    const store = new OffsetStore(path);
    expect(store.load()).toEqual({ inode: 7, offset: 70 }); // a file left by an earlier run
    store.save({ inode: Number.MAX_SAFE_INTEGER, offset: Number.MAX_SAFE_INTEGER });
    store.save({ inode: 1, offset: 2 });
    store.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ inode: 1, offset: 2 });
    expect(new OffsetStore(path).load()).toEqual({ inode: 1, offset: 2 });
  });
});
