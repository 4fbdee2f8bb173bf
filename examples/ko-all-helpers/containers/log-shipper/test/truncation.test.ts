import { appendFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, startShipper, tempDir, waitFor } from './helpers';

describe('truncation (copytruncate)', () => {
  it('starts again at the beginning when the file shrinks', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 10));
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 10);
    truncateSync(log, 0);
    appendFileSync(log, jsonLines(11, 13));
    await waitFor(() => output.lines().length === 13);
    appendFileSync(log, jsonLines(14, 14));
    await waitFor(() => output.lines().length === 14);
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });
});
