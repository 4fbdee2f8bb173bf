import http from 'node:http';
import os from 'node:os';

/**
 * The demo upstream: answers who it is, so you can see which upstream the ambassador
 * picked and watch it fail over. `request` counts the answers to GET /. `isReady` turns
 * false once shutdown has begun: /readyz then answers 503 and no connection is kept alive.
 */
export function createUpstreamServer(name: string, isReady: () => boolean = () => true): http.Server {
  let requests = 0;
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!isReady()) res.setHeader('Connection', 'close');
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
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Stops an HTTP server the way Kubernetes expects after SIGTERM: refuse new connections,
 * let requests in flight finish, and cut what is left after `drainMs` so the pod stops
 * before the kubelet's SIGKILL.
 */
export function closeGracefully(server: http.Server, drainMs: number): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), drainMs);
    cutOff.unref();
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    // Idle keep-alive connections would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  });
}
