import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, sleep, startShipper, tempDir, waitFor } from './helpers';

describe('stop() and the quiet period', () => {
  it('keeps shipping after stop() until the file has been quiet for shutdownQuietMs', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, jsonLines(1, 2));
    let clock = 0; // a hand-driven clock: the quiet period passes only when the test says so
    const { shipper, output } = startShipper(dir, { shutdownQuietMs: 1000, now: () => clock });
    await waitFor(() => output.lines().length === 2);

    let stopped = false;
    const stopping = shipper.stop().then(() => (stopped = true));
    clock += 600;
    appendFileSync(log, jsonLines(3, 3)); // the draining app still writes: the quiet restarts
    await waitFor(() => output.lines().length === 3);
    clock += 600; // 600 ms since the last line: not quiet long enough
    await sleep(50);
    expect(stopped).toBe(false);

    clock += 400;
    await stopping;
    expect(output.lines().map((line) => line.n)).toEqual([1, 2, 3]);
  });
});
