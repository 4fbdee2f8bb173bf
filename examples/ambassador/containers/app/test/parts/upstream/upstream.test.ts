import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { upstream } from '../../../src/parts/upstream';
import { MAX_UPSTREAM_ANSWER_BYTES } from '../../../src/parts/upstream/get-upstream';
import { startServer, type AppServer } from '../../../src/server';
import { listen, request, testConfig, waitFor } from '../../helpers';

describe('GET /upstream', () => {
  let app: AppServer | undefined;
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  const startApp = async (upstreamPort: number, timeoutMs = 2000) => {
    const part = upstream({ UPSTREAM_URL: `http://127.0.0.1:${upstreamPort}`, UPSTREAM_TIMEOUT_MS: String(timeoutMs) });
    app = await startServer(testConfig(), { parts: [part] });
    return app;
  };

  it("returns the upstream's JSON answer, fetched from <UPSTREAM_URL>/", async () => {
    const paths: string[] = [];
    const upstream = await listen((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ upstream: 'primary', request: 1 }));
    });
    cleanups.push(upstream.close);
    const { port } = await startApp(upstream.port);
    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ via: 'ambassador', upstream: { upstream: 'primary', request: 1 } });
    expect(paths).toEqual(['/']);
  });

  it("passes the ambassador's 502 explanation through as detail", async () => {
    // Stands in for the ambassador: a TCP proxy that found no upstream writes a raw HTTP 502.
    const body = JSON.stringify({
      error: 'ambassador: no upstream reachable',
      attempts: [{ upstream: 'a:1', error: 'connect ECONNREFUSED' }],
    });
    const ambassador = net.createServer((socket) => {
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\n' +
            `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        ),
      );
    });
    await new Promise<void>((resolve) => ambassador.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => ambassador.close(resolve)));
    const { port } = await startApp((ambassador.address() as AddressInfo).port);

    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatch(/answered 502/);
    expect(answer.json.detail).toEqual(JSON.parse(body));
  });

  it('answers 502 when nothing listens at UPSTREAM_URL', async () => {
    const closed = await listen(() => {});
    await closed.close(); // a port that was just free
    const { port } = await startApp(closed.port);
    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatch(/ECONNREFUSED/);
    expect(answer.json).not.toHaveProperty('detail');
  });

  it('answers 502 after UPSTREAM_TIMEOUT_MS when the upstream never answers', async () => {
    const silent = await listen(() => {}); // accepts, never answers
    cleanups.push(silent.close);
    const { port } = await startApp(silent.port, 300);
    const started = Date.now();
    const answer = await request(port, '/upstream');
    const elapsed = Date.now() - started;
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatch(/no answer within 300 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
  });

  it('answers 502 when the upstream answers something that is not JSON', async () => {
    const upstream = await listen((_req, res) => res.end('<html>hi</html>'));
    cleanups.push(upstream.close);
    const { port } = await startApp(upstream.port);
    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatch(/without a JSON body/);
  });

  // An upstream that sends without end (a bug, a wrong URL serving a download): the app keeps
  // none of it past MAX_UPSTREAM_ANSWER_BYTES, so its memory limit holds, and says why.
  it('answers 502 and stops reading when the upstream sends more than MAX_UPSTREAM_ANSWER_BYTES', async () => {
    let sent = 0;
    let closedAt: number | undefined;
    const endless = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && sent < 1024 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      res.on('close', () => (closedAt = sent));
      pump();
    });
    cleanups.push(endless.close);
    const { port } = await startApp(endless.port, 10_000);
    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatch(`larger than ${MAX_UPSTREAM_ANSWER_BYTES} bytes`);
    await waitFor(() => closedAt !== undefined);
    // What was sent before the app hung up: the limit plus what sockets buffer, not the gigabyte.
    expect(closedAt).toBeLessThan(MAX_UPSTREAM_ANSWER_BYTES + 16 * 1024 * 1024);
  });

  it('refuses an answer whose Content-Length is over the limit on its headers, and hangs up', async () => {
    // Headers only: a body is never sent, so only the Content-Length can end this call before its timeout.
    let hungUp = false;
    const big = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MAX_UPSTREAM_ANSWER_BYTES + 1) });
      res.flushHeaders();
      res.on('close', () => (hungUp = true));
    });
    cleanups.push(big.close);
    const { port } = await startApp(big.port, 10_000);
    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatch(`larger than ${MAX_UPSTREAM_ANSWER_BYTES} bytes`);
    await waitFor(() => hungUp);
  });

  it('answers 502 at once when the upstream closes in the middle of its answer', async () => {
    const cut = net.createServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"partial":'));
    });
    await new Promise<void>((resolve) => cut.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => cut.close(resolve)));
    const { port } = await startApp((cut.address() as AddressInfo).port, 10_000);
    const started = Date.now();
    const answer = await request(port, '/upstream');
    expect(answer.status).toBe(502);
    expect(answer.json.error).not.toMatch(/no answer within/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('wants UPSTREAM_URL to be an http:// URL, and its timeout', () => {
    expect(() => upstream({ UPSTREAM_URL: '127.0.0.1:9000', UPSTREAM_TIMEOUT_MS: '1' })).toThrow(/UPSTREAM_URL must be an http:\/\/ URL/);
    expect(() => upstream({ UPSTREAM_URL: 'http://127.0.0.1:9000' })).toThrow('UPSTREAM_TIMEOUT_MS is not set');
  });
});
