import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../../../test-support/bundled-process';
import { listen, partsTestEnv, request, tempDir } from '../../helpers';

const ENTRY = new URL('../../../src/index.ts', import.meta.url);

describe('the built app on SIGTERM, while GET /upstream waits for the upstream', () => {
  it('finishes that request, then exits 0', async () => {
    let upstreamReached = () => {};
    const reached = new Promise<void>((resolve) => (upstreamReached = resolve));
    const slow = await listen((_req, res) => {
      upstreamReached();
      setTimeout(() => res.end(JSON.stringify({ upstream: 'slow' })), 400);
    });
    const app = await startBundled(ENTRY, {
      PORT: '0',
      SERVICE_NAME: 'demo',
      SHUTDOWN_DRAIN_MS: '5000',
      ...(await partsTestEnv(tempDir())),
      UPSTREAM_URL: `http://127.0.0.1:${slow.port}`,
    });
    try {
      const { port, upstream } = (await app.waitFor('listening')) as { port: number; upstream: string };
      expect(upstream).toBe(`http://127.0.0.1:${slow.port}`);
      const inFlight = request(port, '/upstream');
      await reached;
      app.child.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ via: 'ambassador', upstream: { upstream: 'slow' } });
      expect(await app.exited).toBe(0);
      expect(app.lines.map((line) => line.event)).toEqual(['listening', 'draining', 'stopped']);
    } finally {
      app.child.kill('SIGKILL');
      await slow.close();
    }
  });
});
