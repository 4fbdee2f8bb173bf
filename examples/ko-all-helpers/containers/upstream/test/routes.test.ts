import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamRoutes } from '../src/server';

describe('upstream routes', () => {
  const server = http.createServer(upstreamRoutes('primary'));
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('GET / names the upstream and counts requests', async () => {
    const first = await fetch(`${base}/`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await first.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ upstream: 'primary', hostname: os.hostname(), request: 1 });
    expect(Date.parse(body.time as string)).not.toBeNaN();

    const second = (await (await fetch(`${base}/?q=1`)).json()) as Record<string, unknown>;
    expect(second.request).toBe(2);
  });

  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 for any other path and 405 for other methods', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
