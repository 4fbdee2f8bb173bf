import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startServer, type AppServer } from '../src/server';
import { request, testConfig } from './helpers';

describe('app routes', () => {
  let app: AppServer;
  afterEach(() => app?.stop());

  it('GET / answers who it is, as JSON', async () => {
    app = await startServer(testConfig({ serviceName: 'shop' }));
    const answer = await request(app.port, '/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({ service: 'shop', hostname: os.hostname() });
    expect(typeof answer.json.message).toBe('string');
    expect(Date.parse(answer.json.time)).not.toBeNaN();
  });

  it('GET /healthz and /readyz answer 200 while running', async () => {
    app = await startServer(testConfig());
    expect(await request(app.port, '/healthz')).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect((await request(app.port, '/readyz')).status).toBe(200);
  });

  it('ignores the query string when routing', async () => {
    app = await startServer(testConfig());
    expect((await request(app.port, '/healthz?probe=1')).status).toBe(200);
  });

  it('answers 404 with JSON for an unknown path', async () => {
    app = await startServer(testConfig());
    const answer = await request(app.port, '/nope');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'not found', path: '/nope' });
  });

  it('answers 405 with Allow for another method on a known path', async () => {
    app = await startServer(testConfig());
    for (const path of ['/', '/healthz', '/status']) {
      const answer = await request(app.port, path, 'POST');
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(answer.json.error).toBe('method not allowed');
    }
    expect((await request(app.port, '/', 'DELETE')).status).toBe(405);
  });

  it('answers HEAD like GET, without a body', async () => {
    app = await startServer(testConfig());
    const answer = await request(app.port, '/healthz', 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it('serves a path by method when a route gives one answer per method, and says which in Allow', async () => {
    app = await startServer(testConfig(), {
      routes: { '/things': { GET: (_req, res) => void res.end('list'), POST: (_req, res) => void res.end('made') } },
    });
    expect((await request(app.port, '/things')).text).toBe('list');
    expect((await request(app.port, '/things', 'POST')).text).toBe('made');
    expect((await request(app.port, '/things', 'HEAD')).status).toBe(200);
    const other = await request(app.port, '/things', 'DELETE');
    expect(other.status).toBe(405);
    expect(other.headers.allow).toBe('GET, POST, HEAD');
  });

  it('answers 500 as JSON when a route throws, and logs why', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    app = await startServer(testConfig(), {
      routes: {
        '/boom': () => {
          throw new Error('boom');
        },
      },
    });
    const answer = await request(app.port, '/boom');
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ error: 'internal error' });
    const logged = stdout.mock.calls.map(([line]) => JSON.parse(String(line)));
    stdout.mockRestore();
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', event: 'request failed', path: '/boom', error: 'boom' }));
  });
});
