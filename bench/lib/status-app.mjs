// A stand-in app for the adapter bench: serves GET /status in the app's own format
// (templates/containers/app/src/status.ts) with `fields` numbers under "metrics", whose
// values change on every read as a live app's would.
import http from 'node:http';

const [portArg, fieldsArg] = process.argv.slice(2);
const fields = Number(fieldsArg);
let reads = 0;
const startedAt = new Date().toISOString();

http
  .createServer((req, res) => {
    if (req.url !== '/status') {
      res.writeHead(404).end();
      return;
    }
    reads += 1;
    const metrics = {};
    for (let i = 0; i < fields; i++) metrics[`field${i}Value`] = i + reads;
    const body = JSON.stringify({
      service: 'bench',
      version: '0.1.0',
      startedAt,
      uptimeSeconds: process.uptime(),
      ready: true,
      requests: { total: reads, inFlight: 1, byStatus: { 200: reads }, durationSecondsSum: reads * 0.001 },
      memory: { rssBytes: 50_000_000, heapUsedBytes: 10_000_000 },
      metrics,
    });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  })
  .listen(Number(portArg), '127.0.0.1');
