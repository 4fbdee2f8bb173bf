import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';
import { fakeApp, SAMPLE_STATUS } from './helpers';
import { adapterManifest } from './manifest';

const ENTRY = new URL('../src/index.ts', import.meta.url);

describe('adapter process', () => {
  it('finishes a scrape in flight after SIGTERM, then exits 0', async () => {
    // The app answers after 300 ms, so the scrape is still in flight when SIGTERM arrives.
    const appPort = await fakeApp((_req, res) => setTimeout(() => res.end(JSON.stringify(SAMPLE_STATUS)), 300));
    const { env } = await adapterManifest();
    const proc = await startBundled(ENTRY, { ...env, LISTEN_PORT: '0', APP_STATUS_URL: `http://127.0.0.1:${appPort}/status` });
    try {
      const { port } = (await proc.waitFor('listening')) as { port: number };
      const scrape = new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/metrics', agent: false }, (res) => {
            let body = '';
            res
              .setEncoding('utf8')
              .on('data', (c: string) => (body += c))
              .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      proc.child.kill('SIGTERM');

      const answer = await scrape;
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(`${env.METRIC_PREFIX}uptime_seconds 12.5`);
      expect(await proc.exited).toBe(0);
      expect(proc.lines.map((l) => l.event)).toEqual(['listening', 'stopping', 'app_status_readable', 'stopped']);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });
});
