import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessLog } from '../src/access-log';
import { startServer, type AppServer } from '../src/server';
import { request, tempDir, testConfig, waitFor } from './helpers';

const readLines = (path: string) =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];

describe('access log', () => {
  let app: AppServer | undefined;
  let accessLog: AccessLog | undefined;
  afterEach(async () => {
    await app?.stop();
    accessLog?.close();
  });

  it('writes one JSON line per request served, creating the folder', async () => {
    const path = join(tempDir(), 'not', 'yet', 'access.log');
    accessLog = new AccessLog(path, 1024 * 1024);
    app = await startServer(testConfig(), { accessLog });
    await request(app.port, '/');
    await request(app.port, '/healthz');
    await request(app.port, '/nope?secret=1');
    await request(app.port, '/', 'POST');

    const lines = readLines(path);
    expect(lines.map(({ method, path, status }) => [method, path, status])).toEqual([
      ['GET', '/', 200],
      ['GET', '/healthz', 200],
      ['GET', '/nope', 404],
      ['POST', '/', 405],
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['durationMs', 'method', 'path', 'status', 'time']);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('logs a request whose client went away, marked aborted', async () => {
    const path = join(tempDir(), 'access.log');
    accessLog = new AccessLog(path, 1024 * 1024);
    let reached = false;
    app = await startServer(testConfig(), {
      accessLog,
      routes: {
        '/hang': () => {
          reached = true;
        },
      },
    });
    const req = http.get({ host: '127.0.0.1', port: app.port, path: '/hang', agent: false });
    req.on('error', () => {});
    await waitFor(() => reached);
    req.destroy();
    await waitFor(() => readLines(path).length === 1);
    expect(readLines(path)[0]).toMatchObject({ method: 'GET', path: '/hang', aborted: true });
  });
});
