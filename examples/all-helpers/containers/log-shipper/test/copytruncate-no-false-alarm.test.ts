import { appendFileSync, copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, lostAndRepeated, settle, sleep, startShipper, tempDir, waitFor } from './helpers';

/**
 * A warning that lines were lost is what an operator acts on: it must come only when lines
 * were lost. After copytruncate the log is written again from 0; what the new log holds is
 * not what the old one held, however far it grows before the shipper looks.
 */
describe('copytruncate, the log written again past its old size before the shipper looks', () => {
  it('loses nothing and warns of no loss', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 100));
    const warnings: Record<string, unknown>[] = [];
    const { shipper, output } = startShipper(dir, {
      pollIntervalMs: 300,
      log: (level, event, fields) => void (level === 'warn' && warnings.push({ event, ...fields })),
    });
    await waitFor(() => output.lines().length === 100);
    appendFileSync(log, jsonLines(101, 200)); // not read yet...
    copyFileSync(log, `${log}.1`); // ... when logrotate copies the log
    truncateSync(log, 0);
    appendFileSync(log, jsonLines(201, 600)); // and the app writes more than the old log held
    await settle(() => output.lines().length >= 600);
    await sleep(100);
    await shipper.stop();
    expect(
      lostAndRepeated(
        output.lines().map((line) => line.n),
        600,
      ),
    ).toEqual({ lost: 0, repeated: 0 });
    expect(warnings).toEqual([]);
  });
});
