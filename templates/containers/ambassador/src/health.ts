import http from 'node:http';
import type { UpstreamPool } from './upstreams';
import { sendJson } from '../../../shared/send-json';

/**
 * The kubelet's probes. GET /healthz (liveness): 200 as long as the proxy runs, with what
 * it knows of each upstream. Upstreams being down is not the ambassador being sick:
 * failing the probe would only restart this container in a loop, and the app gets a
 * clear 502. GET /readyz (readiness): 200 once the proxy listens, 503 once shutdown has
 * begun. It ignores the upstreams too: an upstream outage must not take the pod out of
 * its Service, the app may well answer without them.
 */
export function createHealthServer(pool: UpstreamPool, proxy: string, isReady: () => boolean): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', proxy, upstreams: pool.snapshot() });
    if (path === '/readyz') return isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'draining' });
    sendJson(res, 404, { error: 'not found', path });
  });
}
