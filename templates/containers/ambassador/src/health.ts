import http from 'node:http';
import type { UpstreamPool } from './upstreams';

/**
 * GET /healthz for the kubelet: 200 as long as the proxy runs, with what it knows of
 * each upstream. Upstreams being down is not the ambassador being sick: failing the
 * probe would only restart this container in a loop, and the app gets a clear 502.
 */
export function createHealthServer(pool: UpstreamPool, proxy: string): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const found = path === '/healthz';
    const body = JSON.stringify(found ? { status: 'ok', proxy, upstreams: pool.snapshot() } : { error: 'not found', path });
    res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
}
