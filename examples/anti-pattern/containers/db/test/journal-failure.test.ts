import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { request, startDb, tempDir, writeUntil } from './helpers';

/** util-linux's prlimit sets a limit on a running process; Linux only. */
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

describe('the db when the journal cannot be written', () => {
  it.skipIf(!hasPrlimit)(
    'answers 500 to what it could not sync, stops with exit 1, and the restart keeps every acknowledged increment',
    async () => {
      const dataDir = tempDir();
      const db = await startDb(dataDir);
      await db.waitFor('ready');
      const before = await writeUntil(db.port, 'visits', 1, (seen) => seen.acknowledged.length < 20);

      // A file size limit on the running db: writes past it fail with EFBIG (and one may be cut
      // short), as on a full disk, halfway through a stream of increments.
      const size = statSync(join(dataDir, 'journal.log')).size;
      execFileSync('prlimit', ['--pid', String(db.child.pid), `--fsize=${size + 500}`]);
      const during = await writeUntil(db.port, 'visits', 8, () => true);

      expect(await db.exited).toBe(1);
      expect(db.lines.find((line) => line.event === 'journal failed')?.error).toMatch(/^journal write failed: .*EFBIG/);
      expect(during.unacknowledged).toBeGreaterThan(0);

      const again = await startDb(dataDir);
      await again.waitFor('ready');
      const { value } = (await request(again.port, 'GET', '/counters/visits')).json;
      const acknowledged = [...before.acknowledged, ...during.acknowledged];
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      expect(Math.max(...acknowledged)).toBeLessThanOrEqual(value);
      expect(value).toBeLessThanOrEqual(acknowledged.length + during.unacknowledged);
      // And the journal takes writes again after the cut-off record was dropped.
      expect((await request(again.port, 'POST', '/counters/visits')).json.value).toBe(value + 1);
    },
  );
});
