import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { onTestFinished } from 'vitest';
import type { WebConfig } from '../src/config';
import { frontRoutes } from '../src/front';
import { startServer } from '../../../shared/http-server';

export interface FakeApp {
  port: number;
  url: URL;
  /** Every request the app received: method, path and body. */
  received: { method: string; path: string; body: string }[];
  /** Connections the app accepted, and how many of them are closed by now. */
  connections: number;
  closed: number;
}

/** A stand-in for the app on a free loopback port; closed when the test ends. */
export async function fakeApp(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<FakeApp> {
  const app: FakeApp = { port: 0, url: new URL('http://127.0.0.1'), received: [], connections: 0, closed: 0 };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      app.received.push({ method: req.method ?? '', path: req.url ?? '', body });
      handler(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    app.connections += 1;
    sockets.add(socket);
    socket.on('close', () => {
      app.closed += 1;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.port = (server.address() as AddressInfo).port;
  app.url = new URL(`http://127.0.0.1:${app.port}`);
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return app;
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The front in this process on a free port; stopped when the test ends. */
export async function startFront(appUrl: URL, overrides: Partial<WebConfig> = {}): Promise<number> {
  const config: WebConfig = {
    port: 0,
    serviceName: 'shop',
    shutdownDrainMs: 1000,
    appUrl,
    appTimeoutMs: 2000,
    bodyMaxBytes: 64 * 1024,
    ...overrides,
  };
  let draining = () => false;
  const server = await startServer(
    0,
    frontRoutes(config, () => draining()),
  );
  draining = server.isDraining;
  onTestFinished(() => server.stop(0));
  return server.port;
}

export { request } from '../../../test-support/http-request';

export async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
