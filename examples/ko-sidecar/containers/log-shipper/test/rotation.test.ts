import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogWriter, sleep, startShipper, tempDir, waitFor } from './helpers';

describe('rotation by rename', () => {
  it('ships 5,000 lines written across several rotations, none lost or repeated', async () => {
    const dir = tempDir();
    const path = join(dir, 'access.log');
    const writer = new LogWriter(path);
    const { shipper, output } = startShipper(dir);
    const padding = 'x'.repeat(80);
    let rotations = 0;
    for (let n = 1; n <= 5000; n += 1) {
      writer.write(`${JSON.stringify({ n, padding })}\n`);
      if (statSync(path).size > 64 * 1024) {
        writer.rotate();
        rotations += 1;
      }
      if (n % 50 === 0) await sleep(5); // the app writes while the shipper reads
    }
    writer.close();
    await waitFor(() => output.lines().length >= 5000, 15_000);
    await shipper.stop();
    expect(rotations).toBeGreaterThanOrEqual(5);
    expect(output.lines().map((line) => line.n)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });

  it('reads what is left in the renamed file before starting the new one', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'));
    writer.write('{"n":1}\n');
    const { shipper, output } = startShipper(dir, { pollIntervalMs: 200 });
    await waitFor(() => output.lines().length === 1);
    // Both land while the shipper sleeps: it must read "2" from the renamed file first.
    writer.write('{"n":2}\n');
    writer.rotate();
    writer.write('{"n":3}\n');
    writer.close();
    await waitFor(() => output.lines().length === 3);
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual([1, 2, 3]);
  });

  it('ships the last line of a rotated file even without a newline', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'));
    writer.write('{"n":1}\n{"n":2}');
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 1);
    writer.rotate();
    writer.write('{"n":3}\n');
    writer.close();
    await waitFor(() => output.lines().length === 3);
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual([1, 2, 3]);
  });

  it('ships the file in between when the log rotated twice between two looks', async () => {
    const dir = tempDir();
    const writer = new LogWriter(join(dir, 'access.log'));
    writer.write('{"n":1}\n');
    const { shipper, output } = startShipper(dir, { pollIntervalMs: 300 });
    await waitFor(() => output.lines().length === 1);
    writer.write('{"n":2}\n');
    writer.rotate(); // the first file becomes .1
    writer.write('{"n":3}\n');
    writer.rotate(); // the second replaces it as .1
    writer.write('{"n":4}\n');
    writer.close();
    await waitFor(() => output.lines().length === 4);
    await sleep(350); // one more look: nothing is shipped twice
    await shipper.stop();
    expect(output.lines().map((line) => line.n)).toEqual([1, 2, 3, 4]);
  });
});
