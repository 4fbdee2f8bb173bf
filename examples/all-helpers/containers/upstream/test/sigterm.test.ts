import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';

const ENTRY = new URL('../src/index.ts', import.meta.url);

describe('upstream process', () => {
  it('serves, then exits 0 soon after SIGTERM even with an idle keep-alive connection open', async () => {
    const proc = await startBundled(ENTRY, { PORT: '0', UPSTREAM_NAME: 'primary', SHUTDOWN_DRAIN_MS: '10000' });
    try {
      const { port } = (await proc.waitFor('listening')) as { port: number };
      const agent = new http.Agent({ keepAlive: true });
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
            let text = '';
            res
              .setEncoding('utf8')
              .on('data', (c: string) => (text += c))
              .on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(JSON.parse(body)).toMatchObject({ upstream: 'primary', request: 1 });

      const sentAt = Date.now();
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      // The idle keep-alive connection must not hold shutdown for the 10 s drain bound.
      expect(Date.now() - sentAt).toBeLessThan(3000);
      expect(proc.lines.map((l) => l.event)).toEqual(['listening', 'stopping', 'stopped']);
      agent.destroy();
    } finally {
      proc.child.kill('SIGKILL');
    }
  });
});
