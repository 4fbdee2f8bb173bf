import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningPart } from '../../../src/app-part';
import { accessLog } from '../../../src/parts/access-log';
import { startServer, type AppServer } from '../../../src/server';
import { request, tempDir, testConfig, waitFor } from '../../helpers';

const startPart = (path: string): RunningPart =>
  accessLog({ ACCESS_LOG: path, ACCESS_LOG_MAX_BYTES: String(1024 * 1024), ACCESS_LOG_ROTATED_FILES: '1' });

const readLines = (path: string) =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];

describe('access log', () => {
  let app: AppServer | undefined;
  let part: RunningPart | undefined;
  afterEach(async () => {
    await app?.stop();
    part?.close?.();
  });

  it('writes one JSON line per request served, creating the folder', async () => {
    const path = join(tempDir(), 'not', 'yet', 'access.log');
    part = startPart(path);
    app = await startServer(testConfig(), { parts: [part] });
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
    part = startPart(path);
    let reached = false;
    app = await startServer(testConfig(), {
      parts: [part],
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

  it('wants all three of its variables, and names each one missing', () => {
    expect(() => accessLog({ ACCESS_LOG: '/tmp/a.log' })).toThrow('ACCESS_LOG_MAX_BYTES is not set; ACCESS_LOG_ROTATED_FILES is not set');
  });
});
