import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { jsonLines, sleep, tempDir, waitFor } from './helpers';

/** Bundles src/index.ts as the project's build does (esbuild, cjs, node18). */
async function bundle(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'log-shipper-bundle-')), 'index.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

describe('the built shipper on SIGTERM', () => {
  it('ships what is still written during the quiet period, the partial last line too, and exits 0', async () => {
    const dir = tempDir();
    const log = join(dir, 'access.log');
    const offsetFile = join(dir, '.log-shipper.offset');
    writeFileSync(log, jsonLines(1, 100));
    const script = await bundle();
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', LOG_FILE: log, OFFSET_FILE: offsetFile, POLL_INTERVAL_MS: '20', SHUTDOWN_QUIET_MS: '500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const shipped = () => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));

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
      expect(JSON.parse(readFileSync(offsetFile, 'utf8'))).toEqual({ inode: statSync(log).ino, offset: statSync(log).size });
      const events = stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line).event);
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
    expect(JSON.parse(stderr.trim())).toMatchObject({ level: 'error', event: 'failed', error: expect.stringMatching(/LOG_FILE is not set/) });
  });
});
