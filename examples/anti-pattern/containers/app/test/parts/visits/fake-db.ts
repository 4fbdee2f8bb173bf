import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** Stands in for the database container: its counters, as `POST|GET /counters/<name>` answers them. */
export interface FakeDb {
  url: string;
  /** Every request it received, as `METHOD /path`. */
  received: string[];
  /** Connections open right now (a hung call the app gave up on must not stay open). */
  openConnections: () => number;
  value: (name: string) => number;
  close: () => Promise<void>;
}

async function serve(server: net.Server, received: string[], values: Map<string, number>): Promise<FakeDb> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    openConnections: () => sockets.size,
    value: (name) => values.get(name) ?? 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A database that works: each POST adds one, atomically, after a random pause of up to
 * `maxDelayMs` (so concurrent calls finish out of order), and answers the new value.
 */
export async function workingDb({ maxDelayMs = 0, instance = 'db-1' } = {}): Promise<FakeDb> {
  const received: string[] = [];
  const values = new Map<string, number>();
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    const name = /^\/counters\/([a-z0-9-]{1,64})$/.exec(req.url ?? '')?.[1];
    if (!name) return void res.writeHead(404).end();
    let value = values.get(name) ?? 0;
    if (req.method === 'POST') values.set(name, ++value);
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ name, value, instance }));
    }, Math.random() * maxDelayMs);
  });
  return serve(server, received, values);
}

/** A database that answers every request with `handler` (an error status, garbage, a half answer, nothing). */
export async function brokenDb(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<FakeDb> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  return serve(server, received, new Map());
}

/** A database that resets every connection as soon as a request arrives. */
export async function resettingDb(): Promise<FakeDb> {
  const received: string[] = [];
  const server = net.createServer((socket) =>
    socket.once('data', (chunk) => {
      received.push(
        chunk
          .toString('latin1')
          .split('\r\n')[0]!
          .replace(/ HTTP\/1\.1$/, ''),
      );
      socket.resetAndDestroy();
    }),
  );
  return serve(server, received, new Map());
}

/** An address where nothing listens: a port that was free a moment ago. */
export async function refusingUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
