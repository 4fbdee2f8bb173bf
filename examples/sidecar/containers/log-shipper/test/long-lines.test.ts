import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startShipper, tempDir, waitFor } from './helpers';

describe('a line longer than MAX_LINE_BYTES', () => {
  it('is shipped as one record marked truncated, never as loose pieces', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    const long = `{"big":"${'x'.repeat(10_000)}"}`;
    writeFileSync(log, `{"n":1}\n${long}\n{"n":2}\n`);
    const { shipper, output } = startShipper(dir, { maxLineBytes: 4096 });
    await waitFor(() => output.lines().length === 3);
    appendFileSync(log, '{"n":3}\n');
    await waitFor(() => output.lines().length === 4);
    await shipper.stop();
    const lines = output.lines();
    expect(lines.map((line) => line.n)).toEqual([1, undefined, 2, 3]);
    expect(lines[1]).toMatchObject({ source: 'access.log', truncated: true, offset: 8, message: long.slice(0, 4096) });
    expect(lines.filter((line) => line.malformed)).toEqual([]);
  });

  it('stays one record when the shipper restarts in the middle of it', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    writeFileSync(log, `{"n":1}\n{"big":"${'x'.repeat(6000)}`);
    const first = startShipper(dir, { maxLineBytes: 4096 });
    await waitFor(() => first.output.lines().length === 2);
    await first.shipper.stop(); // at shutdown an unfinished line would be shipped: here its rest is still skipped
    appendFileSync(log, `${'y'.repeat(5000)}"}\n{"n":2}\n`);
    const second = startShipper(dir, { maxLineBytes: 4096 });
    await waitFor(() => second.output.lines().length === 1);
    await second.shipper.stop();
    expect(first.output.lines().map((line) => line.n ?? 'truncated')).toEqual([1, 'truncated']);
    expect(second.output.lines().map((line) => line.n)).toEqual([2]);
  });
});
