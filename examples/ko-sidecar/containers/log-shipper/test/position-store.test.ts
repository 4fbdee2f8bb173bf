import { openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PositionStore, type SavedPosition } from '../src/position-store';
import { tempDir } from './helpers';

const position = (offset: number, fileId = 'abcd'): SavedPosition => ({
  fileId,
  dev: 1,
  ino: 2,
  offset,
  size: offset + 10,
  skippingLongLine: false,
  done: false,
});

describe('the state file', () => {
  it('loads the newest save, a short one after a long one', () => {
    const path = join(tempDir(), 'state');
    const store = new PositionStore(path);
    store.save(Array.from({ length: 50 }, (_, i) => position(i, `file-${i}`)));
    store.save([position(7)]);
    store.close();
    expect(new PositionStore(path).load()).toEqual([position(7)]);
  });

  it('a save torn at any byte leaves the one before it', () => {
    const path = join(tempDir(), 'state');
    const store = new PositionStore(path);
    store.save([position(100)]);
    store.save([position(200)]);
    store.close();
    const whole = readFileSync(path);
    // The next save goes to the slot of the oldest: tear it at every length.
    const next = Buffer.from(`${JSON.stringify({ sequence: 3, positions: [position(300)] })}\n`);
    for (let cut = 0; cut < next.length; cut++) {
      const fd = openSync(path, 'r+');
      writeSync(fd, whole, 0, whole.length, 0);
      writeSync(fd, next, 0, cut, 64 * 1024);
      closeSync(fd);
      expect(new PositionStore(path).load()).toEqual([position(200)]);
    }
  });

  it('is empty when there is no file or it holds garbage', () => {
    const dir = tempDir();
    expect(new PositionStore(join(dir, 'none')).load()).toEqual([]);
    const fd = openSync(join(dir, 'garbage'), 'w');
    writeSync(fd, '{"inode":1,"offset":20}');
    closeSync(fd);
    expect(new PositionStore(join(dir, 'garbage')).load()).toEqual([]);
  });
});
