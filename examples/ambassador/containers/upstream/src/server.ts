import type http from 'node:http';
import os from 'node:os';
import { sendJson } from '../../../shared/send-json';

/**
 * The demo upstream's answers: who it is, so you can see which upstream the ambassador
 * picked and watch it fail over. `request` counts the answers to GET /. `isReady` turns
 * false once shutdown has begun: /readyz then answers 503 (and ../../../shared/http-server.ts
 * keeps no connection alive).
 */
export function upstreamRoutes(name: string, isReady: () => boolean = () => true): http.RequestListener {
  let requests = 0;
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/' && path !== '/healthz' && path !== '/readyz') return sendJson(res, 404, { error: 'not found', path });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    // Liveness: the process answers, until it exits.
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    // Readiness: 503 once stopping, so the Service sends nothing new here.
    if (path === '/readyz') return isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'draining' });
    requests += 1;
    sendJson(res, 200, { upstream: name, hostname: os.hostname(), time: new Date().toISOString(), request: requests });
  };
}
