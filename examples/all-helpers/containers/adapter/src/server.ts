import http from 'node:http';
import type { Scraper } from './scraper';

const TEXT = 'text/plain; charset=utf-8';

/**
 * METRICS_PATH for Prometheus; /healthz (liveness: the process answers) and /readyz
 * (readiness: 503 once `isReady` turns false, at shutdown) for the kubelet. Neither
 * depends on the app: a down app is reported in the metrics, as adapter_up 0.
 */
export function createAdapterServer(scraper: Scraper, metricsPath: string, isReady: () => boolean = () => true): http.Server {
  const send = (res: http.ServerResponse, status: number, contentType: string, body: string | Buffer) => {
    // Once stopping, every answer closes its connection: nothing is kept alive.
    if (!isReady()) res.setHeader('Connection', 'close');
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return send(res, 200, TEXT, 'ok\n');
    if (path === '/readyz') return isReady() ? send(res, 200, TEXT, 'ready\n') : send(res, 503, TEXT, 'draining\n');
    if (path !== metricsPath) return send(res, 404, TEXT, 'not found\n');
    if (req.method !== 'GET') return send(res, 405, TEXT, 'method not allowed\n');
    scraper.scrape().then(
      (text) => send(res, 200, scraper.contentType, text),
      // Not expected: scrape() reports app failures as metrics. This is a bug in the adapter.
      (err: Error) => send(res, 500, TEXT, `adapter error: ${err.message}\n`),
    );
  });
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
