import type http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';
import { fakeApp, request, waitUntil } from './helpers';

const ENTRY = new URL('../src/index.ts', import.meta.url);

describe('the built web front on SIGTERM', () => {
  it('says not ready, finishes the proxied requests in flight, refuses new connections, and exits 0', async () => {
    const held: http.ServerResponse[] = [];
    const app = await fakeApp((_req, res) => held.push(res)); // answers when the test says so
    const web = await startBundled(ENTRY, {
      PORT: '0',
      SERVICE_NAME: 'shop',
      SHUTDOWN_DRAIN_MS: '10000',
      APP_URL: app.url.href,
      APP_TIMEOUT_MS: '10000',
    });
    try {
      const { port } = (await web.waitFor('listening')) as { port: number };
      // A /readyz begun before the signal and finished after it: the kubelet's probe while draining.
      const probe = net.connect(port, '127.0.0.1');
      let probeAnswer = '';
      probe.setEncoding('utf8').on('data', (chunk: string) => (probeAnswer += chunk));
      const probeClosed = new Promise((resolve) => probe.on('close', resolve));
      await new Promise((resolve) => probe.on('connect', resolve));
      probe.write('GET /readyz HTTP/1.1\r\nHost: t\r\n');
      const inFlight = Array.from({ length: 5 }, () => request(port, 'POST', '/api/visits'));
      await waitUntil(() => held.length === 5);

      web.child.kill('SIGTERM');
      await web.waitFor('draining');
      await expect(request(port, 'GET', '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      probe.write('\r\n');
      await probeClosed;
      expect(probeAnswer).toMatch(/^HTTP\/1\.1 503 /);
      expect(probeAnswer).toContain('{"status":"draining"}');

      for (const [i, res] of held.entries()) res.end(JSON.stringify({ visits: i + 1, db: 'one' }));
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.map((a) => a.json.visits).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(await web.exited).toBe(0);
      expect(web.lines.map((line) => line.event)).toEqual(['listening', 'draining', 'stopped']);
    } finally {
      web.child.kill('SIGKILL');
    }
  });

  it('exits 1 naming every bad variable', async () => {
    const web = await startBundled(ENTRY, { PORT: 'x', APP_URL: 'ftp://a' });
    expect(await web.exited).toBe(1);
    expect(web.lines.at(-1)?.error).toBe(
      'bad environment: PORT must be a whole number from 0 to 65535, got "x"; SERVICE_NAME is not set; SHUTDOWN_DRAIN_MS is not set; ' +
        'APP_URL must be an http:// URL such as http://shop-app:80, got "ftp://a"; APP_TIMEOUT_MS is not set',
    );
  });
});
