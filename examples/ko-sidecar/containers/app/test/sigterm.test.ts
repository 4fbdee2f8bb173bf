import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';
import { listen, request, tempDir } from './helpers';

const ENTRY = new URL('../src/index.ts', import.meta.url);

describe('the built app on SIGTERM', () => {
  it('finishes the request in flight, logs it, and exits 0', async () => {
    // A slow upstream keeps GET /upstream in flight while the signal arrives.
    let upstreamReached = () => {};
    const reached = new Promise<void>((resolve) => (upstreamReached = resolve));
    const upstream = await listen((_req, res) => {
      upstreamReached();
      setTimeout(() => res.end(JSON.stringify({ upstream: 'slow' })), 400);
    });
    const accessLog = join(tempDir(), 'logs', 'access.log');
    const app = await startBundled(ENTRY, {
      PORT: '0',
      SERVICE_NAME: 'demo',
      SHUTDOWN_DRAIN_MS: '5000',
      ACCESS_LOG: accessLog,
      ACCESS_LOG_MAX_BYTES: '1048576',
      ACCESS_LOG_ROTATED_FILES: '4',
      UPSTREAM_URL: `http://127.0.0.1:${upstream.port}`,
      UPSTREAM_TIMEOUT_MS: '3000',
    });
    try {
      const { port } = (await app.waitFor('listening')) as { port: number };
      const inFlight = request(port, '/upstream');
      await reached;
      app.child.kill('SIGTERM');

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ via: 'ambassador', upstream: { upstream: 'slow' } });
      expect(await app.exited).toBe(0);
      expect(app.lines.map((line) => line.event)).toEqual(['listening', 'draining', 'stopped']);
      expect(app.lines[1]).toMatchObject({ signal: 'SIGTERM', drainMs: 5000 });

      const logged = readFileSync(accessLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(logged).toEqual([expect.objectContaining({ method: 'GET', path: '/upstream', status: 200 })]);
    } finally {
      app.child.kill('SIGKILL');
      await upstream.close();
    }
  });

  it('exits 1 with a clear message when the environment is incomplete', async () => {
    const app = await startBundled(ENTRY, { PORT: '0' });
    expect(await app.exited).toBe(1);
    expect(app.lines).toEqual([
      expect.objectContaining({ level: 'error', event: 'failed', error: expect.stringMatching(/SERVICE_NAME is not set/) }),
    ]);
  });
});
