import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { tcpConnect } from '../src/connect';
import { checkOnce } from '../src/health-check';
import { address, listen, namedUpstream, refusedPort } from './helpers';

const http1 = { mode: 'http' as const, path: '/readyz', intervalMs: 100, timeoutMs: 1000, rise: 1, fall: 1 };

describe('one health check', () => {
  it('passes on a 2xx or 3xx answer to GET HEALTH_CHECK_PATH, and asks that path', async () => {
    const paths: string[] = [];
    const redirecting = await listen(http.createServer((req, res) => (paths.push(req.url ?? ''), res.writeHead(302).end())));
    expect(await checkOnce(tcpConnect, address(await namedUpstream('ok')), http1)).toBeNull();
    expect(await checkOnce(tcpConnect, address(redirecting), http1)).toBeNull();
    expect(paths).toEqual(['/readyz']);
  });

  it('fails on an error status, a refused connection, a close without answer, or no answer in time', async () => {
    const failing = await listen(http.createServer((_req, res) => res.writeHead(503).end()));
    const closing = await listen(net.createServer((socket) => socket.end()));
    const silent = await listen(net.createServer((socket) => socket.resume()));

    expect(await checkOnce(tcpConnect, address(failing), http1)).toBe('check: HTTP 503');
    expect(await checkOnce(tcpConnect, address(await refusedPort()), http1)).toBe('check: ECONNREFUSED');
    expect(await checkOnce(tcpConnect, address(closing), http1)).toMatch(/^check: (closed before answering|ECONNRESET|EPIPE)$/);
    expect(await checkOnce(tcpConnect, address(silent), { ...http1, timeoutMs: 150 })).toBe('check timeout after 150ms');
  });

  it('in tcp mode passes once a connection opens, whatever the upstream says', async () => {
    const failing = await listen(http.createServer((_req, res) => res.writeHead(503).end()));
    expect(await checkOnce(tcpConnect, address(failing), { ...http1, mode: 'tcp' })).toBeNull();
    expect(await checkOnce(tcpConnect, address(await refusedPort()), { ...http1, mode: 'tcp' })).toBe('check: ECONNREFUSED');
  });
});
