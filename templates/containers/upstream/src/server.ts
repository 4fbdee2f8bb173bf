import http from 'node:http';
import os from 'node:os';

/**
 * The demo upstream: answers who it is, so you can see which upstream the ambassador
 * picked and watch it fail over. `request` counts the answers to GET /.
 */
export function createUpstreamServer(name: string): http.Server {
  let requests = 0;
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/' && path !== '/healthz') return sendJson(res, 404, { error: 'not found', path });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    requests += 1;
    sendJson(res, 200, { upstream: name, hostname: os.hostname(), time: new Date().toISOString(), request: requests });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
