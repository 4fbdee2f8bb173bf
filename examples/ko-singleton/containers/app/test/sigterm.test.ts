import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';
import { partsTestEnv, request, tempDir } from './helpers';

const ENTRY = new URL('../src/index.ts', import.meta.url);

describe('the built app on SIGTERM', () => {
  it('stops listening, closes idle keep-alive connections, and exits 0', async () => {
    const app = await startBundled(ENTRY, {
      PORT: '0',
      SERVICE_NAME: 'demo',
      SHUTDOWN_DRAIN_MS: '5000',
      ...(await partsTestEnv(tempDir())),
    });
    try {
      const { port } = (await app.waitFor('listening')) as { port: number };
      expect((await request(port, '/')).status).toBe(200);
      // An idle keep-alive connection must not hold the drain open until the 5 s limit.
      const agent = new http.Agent({ keepAlive: true });
      await new Promise<void>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
      );
      const idleClosed = new Promise<void>((resolve) =>
        Object.values(agent.freeSockets)
          .flat()[0]!
          .once('close', () => resolve()),
      );
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      await idleClosed;
      expect(app.lines.map((line) => line.event)).toEqual(['listening', 'draining', 'stopped']);
      expect(app.lines[1]).toMatchObject({ signal: 'SIGTERM', drainMs: 5000 });
      await expect(request(port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      agent.destroy();
    } finally {
      app.child.kill('SIGKILL');
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
