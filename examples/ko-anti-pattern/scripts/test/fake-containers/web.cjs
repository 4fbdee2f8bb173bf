// A tiny stand-in for the web container: a page at /, /api/<rest> passed to APP_URL/<rest>.
const { createServer, request } = require('node:http');

const timeoutMs = Number(process.env.APP_TIMEOUT_MS ?? 2000);
let draining = false;

createServer((req, res) => {
  const send = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.url === '/healthz') return send(200, { status: 'ok' });
  if (req.url === '/readyz') return send(draining ? 503 : 200, { status: draining ? 'draining' : 'ready' });
  if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>shop</title>');
  if (!req.url.startsWith('/api/')) return send(404, { error: 'not found' });
  const upstream = request(`${process.env.APP_URL}${req.url.slice('/api'.length)}`, { method: req.method, agent: false }, (answer) => {
    res.writeHead(answer.statusCode, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
    answer.pipe(res);
  });
  upstream.setTimeout(timeoutMs, () => upstream.destroy(new Error('timeout')));
  upstream.on('error', (error) => res.headersSent || send(503, { error: 'app unavailable', detail: error.message }));
  upstream.end();
}).listen(Number(process.env.PORT));

process.on('SIGTERM', () => {
  draining = true;
  setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_DRAIN_MS ?? 0));
});
