// A tiny stand-in for the db container (routes of the anti-pattern design): counters kept in an
// append-only journal under DATA_DIR, replayed at start; a random instance id per start.
const { appendFileSync, readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { randomBytes } = require('node:crypto');

const journal = `${process.env.DATA_DIR}/journal`;
const counters = new Map();
try {
  for (const name of readFileSync(journal, 'utf8').split('\n').filter(Boolean)) counters.set(name, (counters.get(name) ?? 0) + 1);
} catch {
  // no journal yet: an empty database
}
const instance = randomBytes(4).toString('hex');
let draining = false;

createServer((req, res) => {
  const send = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.url === '/healthz') return send(200, { status: 'ok' });
  if (req.url === '/readyz') return send(draining ? 503 : 200, { status: draining ? 'draining' : 'ready' });
  if (req.url === '/') return send(200, { service: process.env.SERVICE_NAME, instance, counters: counters.size });
  const name = /^\/counters\/([a-z0-9-]{1,64})$/.exec(req.url)?.[1];
  if (!name) return send(404, { error: 'not found' });
  if (req.method === 'POST') {
    appendFileSync(journal, `${name}\n`);
    counters.set(name, (counters.get(name) ?? 0) + 1);
  }
  send(200, { name, value: counters.get(name) ?? 0, instance });
}).listen(Number(process.env.PORT));

process.on('SIGTERM', () => {
  draining = true;
  setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_DRAIN_MS ?? 0));
});
