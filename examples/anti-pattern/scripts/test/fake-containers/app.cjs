// A tiny stand-in for the app container with its `visits` part: /visits is the counter `visits`
// of the database at DB_URL; a database that does not answer is "database unavailable".
const { createServer, request } = require('node:http');

const timeoutMs = Number(process.env.DB_TIMEOUT_MS ?? 1000);
let draining = false;

function callDb(method, path) {
  return new Promise((resolve) => {
    const req = request(`${process.env.DB_URL}${path}`, { method, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 ? JSON.parse(body) : { error: `status ${res.statusCode}` }));
      res.on('error', (error) => resolve({ error: error.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

createServer(async (req, res) => {
  const send = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.url === '/healthz') return send(200, { status: 'ok' });
  if (req.url === '/readyz') return send(draining ? 503 : 200, { status: draining ? 'draining' : 'ready' });
  if (req.url === '/visits' && (req.method === 'GET' || req.method === 'POST')) {
    const answer = await callDb(req.method, '/counters/visits');
    if (answer.error) return send(503, { error: 'database unavailable', detail: answer.error });
    return send(200, { visits: answer.value, db: answer.instance });
  }
  if (req.url === '/') return send(200, { service: process.env.SERVICE_NAME });
  send(404, { error: 'not found' });
}).listen(Number(process.env.PORT));

process.on('SIGTERM', () => {
  draining = true;
  setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_DRAIN_MS ?? 0));
});
