import { appendFileSync, copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, lostAndRepeated, settle, sleep, startShipper, tempDir, waitFor } from './helpers';

/**
 * logrotate's copytruncate copies the log, then truncates it: for a big log the copy takes a
 * while, and the shipper may stop (a rollout's SIGTERM, a SIGKILL) in between, when it has
 * already found the copy and holds it in reserve. A copy in reserve has shipped nothing: its
 * lines are the original's, shipped from the original, so a restart must not read it from 0.
 */
describe('a restart while logrotate copies the log (copytruncate)', () => {
  for (const truncatedWhileDown of [false, true]) {
    it(`repeats nothing already shipped (${truncatedWhileDown ? 'truncated' : 'not truncated yet'} when it starts again)`, async () => {
      const dir = tempDir();
      const log = join(dir, 'access.log');
      writeFileSync(log, jsonLines(1, 100));
      const events: Record<string, unknown>[] = [];
      const first = startShipper(dir, { log: (_level, event, fields) => void events.push({ event, ...fields }) });
      await waitFor(() => first.output.lines().length === 100);
      copyFileSync(log, `${log}.1`); // logrotate's copy, not truncated yet...
      await waitFor(() => events.some(({ event, copyOf }) => event === 'following' && copyOf === log)); // ... found by the shipper
      await first.shipper.stop(); // SIGTERM: what it saves now is all a SIGKILL would have left too
      if (truncatedWhileDown) truncateSync(log, 0);
      appendFileSync(log, jsonLines(101, 150));
      const warnings: string[] = [];
      const second = startShipper(dir, { log: (level, event) => void (level === 'warn' && warnings.push(event)) });
      await settle(() => second.output.lines().length >= 50);
      await sleep(100);
      await second.shipper.stop();
      const shipped = [...first.output.lines(), ...second.output.lines()].map((line) => line.n);
      expect(lostAndRepeated(shipped, 150)).toEqual({ lost: 0, repeated: 0 });
      expect(warnings).toEqual([]);
    });
  }
});
