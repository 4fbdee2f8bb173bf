import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeSignal } from '../src/change-signal';
import { isLogFileName, logFileNames } from '../src/log-files';
import { sleep, tempDir, waitFor } from './helpers';

describe('idle', () => {
  it("is not woken by writes to other files in the folder, only by the log's own files", async () => {
    const dir = tempDir();
    const names = logFileNames(join(dir, 'access.log'), 3);
    const signal = new ChangeSignal(dir, isLogFileName(names), () => {});
    try {
      for (let i = 0; i < 1000; i++) appendFileSync(join(dir, 'other.log'), 'busy neighbour\n');
      writeFileSync(join(dir, 'access.log.4'), 'beyond the kept files\n');
      await sleep(200);
      expect(signal.wakeups).toBe(0);
      writeFileSync(join(dir, 'access.log.2'), 'a rotated file\n');
      await waitFor(() => signal.wakeups > 0);
    } finally {
      signal.close();
    }
  });
});
