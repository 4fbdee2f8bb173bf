import http from 'node:http';
import type { Scraper } from './scraper';

/** METRICS_PATH for Prometheus, /healthz for the kubelet. */
export function createAdapterServer(scraper: Scraper, metricsPath: string): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
    if (path !== metricsPath) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    scraper.scrape().then(
      (text) => send(res, 200, scraper.contentType, text),
      // Not expected: scrape() reports app failures as metrics. This is a bug in the adapter.
      (err: Error) => send(res, 500, 'text/plain; charset=utf-8', `adapter error: ${err.message}\n`),
    );
  });
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
