import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';
import { listen } from './helpers';

/** A fake upstream and how many requests (not health checks) reached it. */
export interface FakeUpstream {
  port: number;
  /** Requests for anything but the health path that reached it. */
  hits(): number;
  /** Health checks (GET /readyz) that reached it. */
  checks(): number;
}

type Fault =
  /** Reads the request, then resets the connection (RST): nothing of an answer. */
  | 'reset'
  /** Closes the connection as soon as it is accepted (FIN): an empty reply. */
  | 'close'
  /** Reads the request and never answers: a hung upstream. */
  | 'hang'
  /** Sends the first line of an answer, then resets: an answer already begun. */
  | 'partial-then-reset';

/** An upstream that fails every connection in one way, health checks included. */
export async function faultyUpstream(fault: Fault): Promise<FakeUpstream> {
  let hits = 0;
  let checks = 0;
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    if (fault === 'close') {
      hits += 1;
      socket.end();
      return;
    }
    socket.once('data', (chunk: Buffer) => {
      if (chunk.toString('latin1').startsWith('GET /readyz ')) checks += 1;
      else hits += 1;
      if (fault === 'reset') socket.resetAndDestroy();
      if (fault === 'partial-then-reset') socket.write('HTTP/1.1 200 OK\r\n', () => setTimeout(() => socket.resetAndDestroy(), 20));
      // 'hang': nothing, ever.
    });
  });
  const port = await listen(server);
  return { port, hits: () => hits, checks: () => checks };
}

/**
 * A working HTTP upstream that says who it is, echoes the body's length, and counts. Its
 * health path can be made to hang: `setHealthy(false)` holds every GET /readyz unanswered.
 */
export async function countingUpstream(name: string): Promise<FakeUpstream & { setHealthy(healthy: boolean): void }> {
  let hits = 0;
  let checks = 0;
  let healthy = true;
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz') {
      checks += 1;
      if (healthy) res.end('{"status":"ready"}');
      return; // unhealthy: never answered
    }
    hits += 1;
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => res.end(JSON.stringify({ upstream: name, path: req.url, bodyBytes: bytes })));
  });
  const port = await listen(server);
  return { port, hits: () => hits, checks: () => checks, setHealthy: (h) => (healthy = h) };
}

const children: { kill(signal: NodeJS.Signals): void }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
  }
});

/** A real HTTP server in its own process, as a stoppable upstream: SIGSTOP it and the kernel still accepts. */
export async function upstreamProcess(name: string): Promise<{ port: number; pid: number; stop(): void; resume(): void }> {
  const code = `
    const http = require('node:http');
    const server = http.createServer((req, res) => res.end(JSON.stringify({ upstream: ${JSON.stringify(name)} })));
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`upstream process exited with ${code}`)));
  });
  return { port, pid: child.pid!, stop: () => child.kill('SIGSTOP'), resume: () => child.kill('SIGCONT') };
}

/** GET / on its own connection; resolves with the answer, or with the error that ended it. */
export function tryRequest(
  port: number,
  options: { method?: string; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', method: options.method ?? 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
    // A client that gives up, as the app does after UPSTREAM_TIMEOUT_MS.
    req.setTimeout(options.timeoutMs ?? 4000, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(options.body);
  });
}

/** Which of the answers were not a 200 from `name`: the requests that failed. */
export function failures(answers: Awaited<ReturnType<typeof tryRequest>>[], name: string): unknown[] {
  const from = (body: string) => {
    try {
      return (JSON.parse(body) as { upstream?: string }).upstream;
    } catch {
      return undefined;
    }
  };
  return answers.filter((a) => !('status' in a) || a.status !== 200 || from(a.body) !== name);
}
