import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, lostAndRepeated, settle, sleep, startShipper, tempDir } from './helpers';

describe('a new file with an old inode number', () => {
  it('is read from its start, not from the old file offset: no line lost, no fragment', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    let reused = 0;
    for (let attempt = 0; attempt < 20 && reused < 3; attempt++) {
      rmSync(log, { force: true });
      let fd = openSync(log, 'a');
      // 50 lines, then shipped and the shipper stopped (each attempt its own lines, as each log has its own times)
      writeSync(fd, jsonLines(attempt * 10_000 + 1, attempt * 10_000 + 50));
      closeSync(fd);
      const oldInode = statSync(log).ino;
      const first = startShipper(dir);
      await settle(() => first.output.lines().length >= 50);
      await first.shipper.stop();

      // The app's volume is cleaned and a new log begins: ext4 hands the freed inode out again.
      rmSync(log);
      fd = openSync(log, 'a');
      writeSync(fd, jsonLines(1001, 1200)); // longer than the old offset
      closeSync(fd);
      if (statSync(log).ino !== oldInode) continue; // not reused this time: try again
      reused++;
      const second = startShipper(dir);
      await settle(() => second.output.lines().length >= 200);
      await sleep(30);
      await second.shipper.stop();
      const lines = second.output.lines();
      expect(lines.filter((line) => line.malformed)).toEqual([]);
      expect(
        lostAndRepeated(
          lines.map((line) => line.n - 1000),
          200,
        ),
      ).toEqual({ lost: 0, repeated: 0 });
    }
    expect(reused, 'the file system never reused an inode number').toBeGreaterThan(0);
  });
});
