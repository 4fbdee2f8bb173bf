import type http from 'node:http';
import type { Scraper } from './scraper';

const TEXT = 'text/plain; charset=utf-8';

/**
 * METRICS_PATH for Prometheus; /healthz (liveness: the process answers) and /readyz
 * (readiness: 503 once `isReady` turns false, at shutdown) for the kubelet. Neither
 * depends on the app: a down app is reported in the metrics, as adapter_up 0.
 */
export function adapterRoutes(scraper: Scraper, metricsPath: string, isReady: () => boolean = () => true): http.RequestListener {
  const send = (res: http.ServerResponse, status: number, contentType: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  return (req, res) => {
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
  };
}
