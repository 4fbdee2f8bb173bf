import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';
import { canHoldConnections, declaredContainer, HEADROOM, mib, peakRss } from '../../../test-support/declared-limits';
import { fakeApp, request, waitUntil } from './helpers';

const ENTRY = new URL('../src/index.ts', import.meta.url);

/** k8s/web.yaml of the project this folder belongs to; in create-pod-pattern's repository, the golden example's. */
const MANIFESTS = [
  new URL('../../../k8s/web.yaml', import.meta.url),
  new URL('../../../../examples/anti-pattern/k8s/web.yaml', import.meta.url),
];

/** Clients at once: each costs this test two file descriptors (its socket and the web's). */
const SLOW_CLIENTS = 2500;

describe.skipIf(!canHoldConnections(SLOW_CLIENTS))('the web front under slow clients', () => {
  it(`stays under its manifest's memory limit, with headroom, while ${SLOW_CLIENTS} clients each send all of a body but its last byte`, async () => {
    const manifest = declaredContainer(MANIFESTS, 'web');
    const bodyMaxBytes = Number(manifest.env.BODY_MAX_BYTES);
    const app = await fakeApp((_req, res) => res.end('{"visits":1}'));
    const web = await startBundled(ENTRY, { ...manifest.env, PORT: '0', APP_URL: app.url.href });
    const clients: net.Socket[] = [];
    try {
      const { port } = (await web.waitFor('listening')) as { port: number };
      // A body of BODY_MAX_BYTES is allowed, so the front reads it; its last byte never comes
      // (a slowloris of bodies), and each client holds what it sent in the front's memory.
      const head = `POST /api/visits HTTP/1.1\r\nHost: t\r\nContent-Length: ${bodyMaxBytes}\r\n\r\n`;
      const body = Buffer.alloc(bodyMaxBytes - 1, 'v');
      let closedByWeb = 0;
      for (let i = 0; i < SLOW_CLIENTS; i++) {
        const client = net.connect(port, '127.0.0.1');
        client.on('error', () => {}); // a connection the front refuses may be reset
        client.on('close', () => (closedByWeb += 1));
        await new Promise((resolve) => client.once('connect', resolve));
        client.write(head);
        client.write(body);
        clients.push(client);
      }
      // Every byte sent has reached the front (or its connection is closed).
      await waitUntil(() => clients.every((client) => client.writableLength === 0 || client.destroyed));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const peak = peakRss(web.child.pid!);
      const bound = manifest.memoryLimitBytes * (1 - HEADROOM);
      console.log(`web peak RSS ${mib(peak)} with ${SLOW_CLIENTS} slow clients, ${closedByWeb} of them refused (bound ${mib(bound)})`);
      expect(peak, `peak RSS ${mib(peak)}, bound ${mib(bound)}`).toBeLessThan(bound);

      // Once they are gone, the front serves again.
      for (const client of clients) client.destroy();
      await waitUntil(() => closedByWeb === SLOW_CLIENTS);
      expect((await request(port, 'GET', '/api/visits')).status).toBe(200);
    } finally {
      for (const client of clients) client.destroy();
      web.child.kill('SIGKILL');
    }
  }, 120_000);
});
