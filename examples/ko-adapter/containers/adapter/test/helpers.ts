import http from 'node:http';
import type net from 'node:net';
import { afterEach } from 'vitest';
import { startAdapter, type RunningAdapter } from '../src/adapter';
import type { AdapterConfig } from '../src/config';

/** Everything started by a test, stopped after it whatever happened. */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The status format the app serves, as the app's developer wrote it. */
export const SAMPLE_STATUS = {
  service: 'demo',
  version: '0.1.0',
  startedAt: '2024-05-01T10:00:00.000Z',
  uptimeSeconds: 12.5,
  ready: true,
  requests: { total: 42, inFlight: 1, byStatus: { '200': 40, '404': 2 }, durationSecondsSum: 0.53 },
  memory: { rssBytes: 123, heapUsedBytes: 456 },
  metrics: { queueDepth: 3 },
};

/** A fake app on loopback; `answer` decides each /status response. Returns its port. */
export async function fakeApp(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<number> {
  const server = http.createServer(answer);
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as net.AddressInfo).port;
}

/** A fake app that serves `status` (whatever `current` holds at the time) as JSON. */
export function appServing(current: () => unknown): Promise<number> {
  return fakeApp((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(current()));
  });
}

export interface TestAdapter extends RunningAdapter {
  events: Record<string, unknown>[];
}

/** An adapter reading the app on `appPort`; it logs into `events` and is stopped after the test. */
export async function adapter(appPort: number, overrides: Partial<AdapterConfig> = {}): Promise<TestAdapter> {
  const events: Record<string, unknown>[] = [];
  const running = await startAdapter(
    {
      listenPort: 0,
      metricsPath: '/metrics',
      appStatusUrl: new URL(`http://127.0.0.1:${appPort}/status`),
      scrapeTimeoutMs: 2000,
      metricPrefix: 'app_',
      maxStatusBytes: 1024 * 1024,
      maxSeries: 10_000,
      shutdownDrainMs: 0,
      ...overrides,
    },
    (level, event, fields) => events.push({ level, event, ...fields }),
  );
  cleanups.push(() => running.stop(0));
  return { ...running, events };
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export async function get(port: number, path = '/metrics'): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** The sample lines (no comments, no blanks) of a scrape. */
export function sampleLines(body: string): string[] {
  return body.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** The value of one sample line, e.g. value(body, 'adapter_up'). */
export function value(body: string, series: string): number | undefined {
  const line = sampleLines(body).find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
