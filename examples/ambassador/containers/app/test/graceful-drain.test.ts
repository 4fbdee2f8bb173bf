import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { FinishedRequest } from '../src/app-part';
import { startServer } from '../src/server';
import { request, testConfig, waitFor } from './helpers';

/** A route that answers only when the test says so. */
function slowRoute() {
  let release = () => {};
  let reached = false;
  const route = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    reached = true;
    release = () => res.end('done');
  };
  return { route, reached: () => reached, release: () => release() };
}

describe('graceful drain', () => {
  it('finishes requests in flight, refuses new connections, and reports not ready', async () => {
    const slow = slowRoute();
    const app = await startServer(testConfig({ shutdownDrainMs: 5000 }), { routes: { '/slow': slow.route } });
    const inFlight = request(app.port, '/slow');
    await waitFor(slow.reached);

    // A connection that has begun a request before the stop still gets its answer.
    const probe = net.connect(app.port, '127.0.0.1');
    let probeAnswer = '';
    probe.on('data', (chunk) => (probeAnswer += chunk));
    const probeClosed = new Promise((resolve) => probe.on('close', resolve));
    await new Promise((resolve) => probe.on('connect', resolve));
    probe.write('GET /readyz HTTP/1.1\r\nHost: test\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));

    let stopped = false;
    const stopping = app.stop().then(() => (stopped = true));

    probe.write('\r\n');
    await probeClosed; // closed by the server after answering: no keep-alive while draining
    expect(probeAnswer).toMatch(/^HTTP\/1\.1 503 /);
    expect(probeAnswer).toMatch(/connection: close/i);
    expect(probeAnswer).toContain('"status":"draining"');

    await expect(request(app.port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(stopped).toBe(false);

    slow.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('done');
    await stopping;
    expect(stopped).toBe(true);
  });

  it('cuts requests still running after SHUTDOWN_DRAIN_MS, and hands them to the parts as aborted before it resolves', async () => {
    const slow = slowRoute();
    const seen: FinishedRequest[] = [];
    const app = await startServer(testConfig({ shutdownDrainMs: 300 }), {
      parts: [{ onRequestDone: (request) => seen.push(request) }],
      routes: { '/slow': slow.route },
    });
    const inFlight = request(app.port, '/slow').then(
      () => 'answered',
      (err: Error) => err.message,
    );
    await waitFor(slow.reached);
    const started = Date.now();
    await app.stop();
    expect(seen).toEqual([expect.objectContaining({ path: '/slow', aborted: true })]); // every request seen by now
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
    expect(await inFlight).toBe('socket hang up');
  });

  it('closes a keep-alive connection once its request in flight is answered', async () => {
    const slow = slowRoute();
    const app = await startServer(testConfig({ shutdownDrainMs: 5000 }), { routes: { '/slow': slow.route } });
    const agent = new http.Agent({ keepAlive: true });
    const answered = new Promise<http.IncomingMessage>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port: app.port, path: '/slow', agent }, (res) => res.resume().on('end', () => resolve(res)))
        .on('error', reject),
    );
    await waitFor(slow.reached);
    const started = Date.now();
    const stopping = app.stop();
    slow.release();
    expect((await answered).headers.connection).toBe('close');
    await stopping;
    expect(Date.now() - started).toBeLessThan(1000); // not the 5 s drain limit
    agent.destroy();
  });

  it('does not wait for idle keep-alive connections', async () => {
    const app = await startServer(testConfig({ shutdownDrainMs: 5000 }));
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port: app.port, path: '/', agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
    );
    expect(Object.keys(agent.freeSockets)).toHaveLength(1); // an idle, open connection
    const started = Date.now();
    await app.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });
});
