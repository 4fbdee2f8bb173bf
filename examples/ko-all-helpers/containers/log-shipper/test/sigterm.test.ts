import { spawn } from 'node:child_process';
import { appendFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PositionStore } from '../src/position-store';
import { bundle, jsonLines, parseLines, shipperEnv, sleep, tempDir, waitFor } from './helpers';

describe('the built shipper on SIGTERM', () => {
  it('ships what is still written during the quiet period, the partial last line too, and exits 0', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    const offsetFile = join(dir, '.log-shipper.offset');
    writeFileSync(log, jsonLines(1, 100));
    const script = await bundle();
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', ...shipperEnv(dir), POLL_INTERVAL_MS: '20', SHUTDOWN_QUIET_MS: '500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const shipped = () => parseLines(stdout).map(({ fileId, offset, ...body }) => body);

    try {
      await waitFor(() => shipped().length === 100);
      appendFileSync(log, jsonLines(101, 200));
      child.kill('SIGTERM');
      // The app is still draining: what it writes now must be shipped too.
      await sleep(150);
      appendFileSync(log, `${jsonLines(201, 250)}{"n":251`);

      expect(await exited).toBe(0);
      const lines = shipped();
      expect(lines.slice(0, 250)).toEqual(Array.from({ length: 250 }, (_, i) => ({ source: 'access.log', n: i + 1 })));
      expect(lines.slice(250)).toEqual([{ source: 'access.log', message: '{"n":251', malformed: true }]);
      expect(new PositionStore(offsetFile).load()).toEqual([
        expect.objectContaining({ ino: statSync(log).ino, offset: statSync(log).size }),
      ]);
      const events = stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).event);
      expect(events).toEqual(expect.arrayContaining(['starting', 'stopping', 'stopped']));
    } finally {
      child.kill('SIGKILL');
      rmSync(join(script, '..'), { recursive: true, force: true });
    }
  });

  it('exits 1 with a clear message when the environment is incomplete', async () => {
    const script = await bundle();
    const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    rmSync(join(script, '..'), { recursive: true, force: true });
    expect(code).toBe(1);
    expect(JSON.parse(stderr.trim())).toMatchObject({
      level: 'error',
      event: 'failed',
      error: expect.stringMatching(/LOG_FILE is not set/),
    });
  });
});
