import http from 'node:http';
import net from 'node:net';
import { afterEach } from 'vitest';
import { startAmbassador, type AmbassadorDeps, type RunningAmbassador } from '../src/ambassador';
import type { AmbassadorConfig, UpstreamAddress } from '../src/config';
import { startBundled, type RunningProcess } from '../../../test-support/bundled-process';

const ENTRY = new URL('../src/index.ts', import.meta.url);

/** Everything started by a test, stopped after it whatever happened. */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

export function address(port: number, host = '127.0.0.1'): UpstreamAddress {
  return { host, port, label: `${host}:${port}` };
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a server on loopback (on `port`, or an ephemeral one) and stops it after the test. */
export async function listen<S extends net.Server>(server: S, port = 0): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as net.AddressInfo).port;
}

/** A fake HTTP upstream that says who it is and echoes the request body. */
export function namedUpstream(name: string, port = 0): Promise<number> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => res.end(JSON.stringify({ upstream: name, method: req.method, path: req.url, body })));
  });
  return listen(server, port);
}

export function testConfig(upstreams: UpstreamAddress[], overrides: Partial<AmbassadorConfig> = {}): AmbassadorConfig {
  return {
    listenHost: '127.0.0.1',
    listenPort: 0,
    healthPort: 0,
    upstreams,
    connectTimeoutMs: 1000,
    firstByteTimeoutMs: 1000,
    replayBufferBytes: 64 * 1024,
    idleTimeoutMs: 5000,
    healthCheck: { mode: 'http', path: '/readyz', intervalMs: 100, timeoutMs: 500, rise: 2, fall: 2 },
    dnsRefreshMs: 5000,
    shutdownDrainMs: 0,
    ...overrides,
  };
}

export interface TestAmbassador extends RunningAmbassador {
  /** The JSON log lines it wrote (instead of stdout). */
  events: Record<string, unknown>[];
}

/**
 * Starts an ambassador that logs into `events` and is stopped after the test. Its active
 * health checks are off unless `deps` turns them on: most tests watch what real traffic does.
 */
export async function ambassador(config: AmbassadorConfig, deps: AmbassadorDeps = {}): Promise<TestAmbassador> {
  const events: Record<string, unknown>[] = [];
  const running = await startAmbassador(config, {
    log: (level, event, fields) => events.push({ level, event, ...fields }),
    activeHealthChecks: false,
    ...deps,
  });
  cleanups.push(() => running.stopNow());
  return { ...running, events };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request on its own connection (no keep-alive), as the app would send it. */
export function request(port: number, path = '/', options: { method?: string; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Which upstream answered a request sent through the proxy. */
export async function answeredBy(proxyPort: number): Promise<string> {
  const answer = await request(proxyPort);
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status}: ${answer.body}`);
  return (JSON.parse(answer.body) as { upstream: string }).upstream;
}

/** Resolves when `socket` closes, with how long that took from now. */
export function closed(socket: net.Socket): Promise<number> {
  const start = Date.now();
  return new Promise((resolve) => socket.once('close', () => resolve(Date.now() - start)));
}

/** Echoes every byte back; closes when the client does. */
export const echoServer = () => net.createServer({ allowHalfOpen: true }, (socket) => socket.pipe(socket));

/** Writes `text` and resolves with the first chunk that comes back. */
export function roundTrip(socket: net.Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    socket.write(text);
  });
}

/** Resolves with "connected", or the error code of a connection that failed. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? ''));
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
  });
}

export interface AmbassadorProcess {
  proc: RunningProcess;
  proxyPort: number;
  healthPort: number;
}

/** The environment a manifest gives the ambassador, for `upstreams` and free loopback ports. */
export function ambassadorEnv(upstreams: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    LISTEN_HOST: '127.0.0.1',
    LISTEN_PORT: '0',
    HEALTH_PORT: '0',
    UPSTREAMS: upstreams,
    CONNECT_TIMEOUT_MS: '1000',
    FIRST_BYTE_TIMEOUT_MS: '1000',
    REPLAY_BUFFER_BYTES: '65536',
    IDLE_TIMEOUT_MS: '30000',
    HEALTH_CHECK_MODE: 'tcp',
    HEALTH_CHECK_INTERVAL_MS: '60000',
    HEALTH_CHECK_TIMEOUT_MS: '1000',
    HEALTH_CHECK_RISE: '2',
    HEALTH_CHECK_FALL: '2',
    DNS_REFRESH_MS: '5000',
    ...overrides,
  };
}

/** The bundled ambassador as its own process, proxying to one upstream; killed after the test. */
export async function ambassadorProcess(upstreamPort: number, drainMs: number): Promise<AmbassadorProcess> {
  const proc = await startBundled(ENTRY, ambassadorEnv(`127.0.0.1:${upstreamPort}`, { SHUTDOWN_DRAIN_MS: String(drainMs) }));
  cleanups.push(() => proc.child.kill('SIGKILL'));
  const { proxy, healthPort } = (await proc.waitFor('listening')) as { proxy: string; healthPort: number };
  return { proc, proxyPort: Number(proxy.split(':').pop()), healthPort };
}
