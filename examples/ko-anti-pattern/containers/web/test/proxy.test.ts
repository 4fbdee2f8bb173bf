import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { closedPort, fakeApp, request, startFront, waitUntil } from './helpers';

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('the web front passing /api/<rest> to the app', () => {
  it('passes method, path, query, body and the answer status and JSON through', async () => {
    const app = await fakeApp((req, res, body) => json(res, 201, { method: req.method, got: body }));
    const front = await startFront(app.url);
    const answer = await request(front, 'POST', '/api/visits?from=test', '{"n":1}', { 'Content-Type': 'application/json' });
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json).toEqual({ method: 'POST', got: '{"n":1}' });
    expect(app.received).toEqual([{ method: 'POST', path: '/visits?from=test', body: '{"n":1}' }]);
  });

  it("passes the app's 503 through, so 'database unavailable' reaches the browser", async () => {
    const app = await fakeApp((_req, res) => json(res, 503, { error: 'database unavailable', detail: 'ECONNREFUSED' }));
    const front = await startFront(app.url);
    const answer = await request(front, 'GET', '/api/visits');
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ error: 'database unavailable', detail: 'ECONNREFUSED' });
  });

  it('keeps the path of APP_URL as a prefix', async () => {
    const app = await fakeApp((_req, res) => json(res, 200, {}));
    const front = await startFront(new URL(`${app.url.href}v1/`));
    await request(front, 'GET', '/api/visits');
    await request(front, 'GET', '/api');
    expect(app.received.map((r) => r.path)).toEqual(['/v1/visits', '/v1/']);
  });

  it('answers 503 app unavailable when the app refuses connections', async () => {
    const front = await startFront(new URL(`http://127.0.0.1:${await closedPort()}`));
    const answer = await request(front, 'POST', '/api/visits');
    expect(answer.status).toBe(503);
    expect(answer.json).toMatchObject({ error: 'app unavailable', detail: expect.stringMatching(/^ECONNREFUSED/) });
  });

  it('answers 503 when the app resets the connection, before or during its answer', async () => {
    let calls = 0;
    const app = await fakeApp((_req, res) => {
      calls += 1;
      if (calls === 1) return res.socket?.destroy();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
      res.write('{"visits":');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const front = await startFront(app.url);
    const reset = await request(front, 'GET', '/api/visits');
    expect(reset).toMatchObject({ status: 503, json: { error: 'app unavailable' } });
    const cut = await request(front, 'GET', '/api/visits');
    expect(cut).toMatchObject({ status: 503, json: { error: 'app unavailable', detail: 'the app closed the connection mid-answer' } });
  });

  it('answers 503 to every request to a hung app within APP_TIMEOUT_MS, and leaves none of its connections open', async () => {
    const app = await fakeApp(() => {}); // reads the request, never answers
    const front = await startFront(app.url, { appTimeoutMs: 300 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => request(front, 'GET', '/api/visits')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(503));
    expect(answers[0].json).toEqual({ error: 'app unavailable', detail: 'no answer within 300 ms' });
    await waitUntil(() => app.closed === 20);
    expect(app.connections).toBe(20);
  });

  it('answers 503 when the app sends headers and then stalls mid-body', async () => {
    const app = await fakeApp((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
      res.write('{"vis');
    });
    const front = await startFront(app.url, { appTimeoutMs: 300 });
    expect(await request(front, 'GET', '/api/visits')).toMatchObject({ status: 503, json: { detail: 'no answer within 300 ms' } });
    await waitUntil(() => app.closed === 1);
  });

  it('answers 502 to an app answer over BODY_MAX_BYTES, declared or streamed, and stops reading it', async () => {
    const sizes = { declared: 0, streamed: 0 };
    const app = await fakeApp((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1024 * 1024 * 1024 });
        res.write('x'.repeat(1024));
        return;
      }
      // Chunked, no length given: 64 MiB if the front read it all.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      const more = () => {
        while (sizes.streamed < 1024 && res.write(chunk)) sizes.streamed += 1;
        if (sizes.streamed < 1024) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => res.off('drain', more));
      more();
    });
    const front = await startFront(app.url, { bodyMaxBytes: 4096 });
    for (const path of ['/api/declared', '/api/streamed']) {
      const answer = await request(front, 'GET', path);
      expect(answer.status).toBe(502);
      expect(answer.json).toEqual({ error: 'app answer too large', detail: "the app's answer is over 4096 bytes" });
    }
    await waitUntil(() => app.closed === 2);
    expect(sizes.streamed).toBeLessThan(1024); // the front hung up long before 64 MiB
  });

  it('answers 413 to a request body over BODY_MAX_BYTES, declared or streamed, without calling the app', async () => {
    const app = await fakeApp((_req, res) => json(res, 200, {}));
    const front = await startFront(app.url, { bodyMaxBytes: 1000 });
    expect((await request(front, 'POST', '/api/visits', 'x'.repeat(1000))).status).toBe(200);
    expect((await request(front, 'POST', '/api/visits', 'x'.repeat(1001))).status).toBe(413);
    const streamed = await new Promise<string>((resolve) => {
      const socket = net.connect(front, '127.0.0.1', () =>
        socket.write(`POST /api/visits HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n${'y'.repeat(2000)}\r\n0\r\n\r\n`),
      );
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
    });
    expect(streamed).toMatch(/^HTTP\/1\.1 413 /);
    expect(app.received).toHaveLength(1);
  });

  it.each([
    '/api/../healthz',
    '/api/visits/../../admin',
    '/api/%2e%2e/admin',
    '/api/%2E%2e%2Fadmin',
    '/api/a%2Fb',
    '/api/a%5cb',
    '/api/./visits',
    '/api/%zz',
    '/api/visits%00',
  ])('refuses %s with 400 and never calls the app', async (path) => {
    const app = await fakeApp((_req, res) => json(res, 200, {}));
    const front = await startFront(app.url);
    const answer = await request(front, 'GET', path);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/^bad path/);
    expect(app.received).toHaveLength(0);
  });

  it('sends a path that looks like another host to the app, as a path', async () => {
    const app = await fakeApp((_req, res) => json(res, 200, { here: true }));
    const front = await startFront(app.url);
    expect((await request(front, 'GET', '/api//evil.example/x')).json).toEqual({ here: true });
    expect(app.received.map((r) => r.path)).toEqual(['//evil.example/x']);
  });

  it("closes the app's connection when the browser goes away before the answer", async () => {
    const app = await fakeApp(() => {});
    const front = await startFront(app.url, { appTimeoutMs: 60_000 });
    const req = http.request({ host: '127.0.0.1', port: front, path: '/api/visits', agent: false });
    req.on('error', () => {});
    req.end();
    await waitUntil(() => app.received.length === 1);
    req.destroy();
    await waitUntil(() => app.closed === 1); // not after the 60 s timeout
  });

  it('serves /healthz and /readyz without asking the app, and 404 outside /api', async () => {
    const front = await startFront(new URL(`http://127.0.0.1:${await closedPort()}`));
    expect(await request(front, 'GET', '/readyz')).toMatchObject({ status: 200, json: { status: 'ready' } });
    expect(await request(front, 'GET', '/healthz')).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect((await request(front, 'GET', '/apix')).status).toBe(404);
    expect((await request(front, 'GET', '/visits')).status).toBe(404);
    expect((await request(front, 'POST', '/')).headers.allow).toBe('GET, HEAD');
    expect((await request(front, 'OPTIONS', '/api/visits')).status).toBe(405);
  });
});
