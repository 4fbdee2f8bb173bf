// adapter: scrape latency of GET /metrics when the app's status has 1,000 fields, against
// a GET of that same status straight from the app (what the adapter itself has to read).
// Requests are sequential, one keep-alive connection each (as Prometheus scrapes),
// alternating adapter and direct.
import http from 'node:http';
import { note } from './lib/paths.mjs';
import { bundleContainer, manifestEnv, startContainer } from './lib/containers.mjs';
import { freePort, peakRss, startChild, stopChild, waitForPort } from './lib/proc.mjs';
import { fmt, median, quantile, ratio } from './lib/stats.mjs';
import { row } from './lib/table.mjs';

const STATUS_APP = new URL('./lib/status-app.mjs', import.meta.url).pathname;

/** One GET on a keep-alive agent; resolves with the time to the last byte (ms) and the body. */
function timedGet(agent, url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
        else resolve({ ms, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer in 10 s`)));
    req.on('error', reject);
  });
}

export async function measureAdapter({ runs, fields, scrapes }) {
  const bundle = await bundleContainer('adapter');
  const ports = { app: await freePort(), adapter: await freePort() };
  const app = startChild(process.execPath, [STATUS_APP, String(ports.app), String(fields)]);
  const statusUrl = `http://127.0.0.1:${ports.app}/status`;
  const adapter = startContainer(
    bundle,
    await manifestEnv('adapter', 'adapter', { LISTEN_PORT: ports.adapter, APP_STATUS_URL: statusUrl }),
  );
  adapter.stdout.resume();
  const agents = {
    adapter: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    direct: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  };
  try {
    await waitForPort(ports.app, { child: app });
    await waitForPort(ports.adapter, { child: adapter });
    const urls = { adapter: `http://127.0.0.1:${ports.adapter}/metrics`, direct: statusUrl };

    const first = await timedGet(agents.adapter, urls.adapter);
    const exported = first.body.split('\n').filter((l) => /^app_field\d+_value /.test(l)).length;
    if (exported !== fields) throw new Error(`the adapter exported ${exported} of ${fields} fields`);
    const sizes = { adapter: Buffer.byteLength(first.body), direct: Buffer.byteLength((await timedGet(agents.direct, urls.direct)).body) };

    note(`adapter: ${runs} runs of ${scrapes} scrapes at ${fields} fields, alternating with direct reads of /status ...`);
    for (let i = 0; i < 20; i++) for (const name of ['adapter', 'direct']) await timedGet(agents[name], urls[name]);
    const perRun = { adapter: [], direct: [] };
    const all = { adapter: [], direct: [] };
    for (let r = 0; r < runs; r++) {
      const samples = { adapter: [], direct: [] };
      for (let i = 0; i < scrapes; i++) {
        for (const name of i % 2 === 0 ? ['adapter', 'direct'] : ['direct', 'adapter'])
          samples[name].push((await timedGet(agents[name], urls[name])).ms);
      }
      for (const name of ['adapter', 'direct']) {
        perRun[name].push(median(samples[name]));
        all[name].push(...samples[name]);
      }
    }
    const value = median(perRun.adapter);
    const baseline = median(perRun.direct);
    const peak = peakRss(adapter.pid);
    return {
      rows: [
        row({
          measurement: `adapter scrape latency, ${fields.toLocaleString('en-US')} status fields, p50 (median of ${runs}×${scrapes})`,
          value: fmt.ms(value),
          baseline: `${fmt.ms(baseline)} (GET /status direct)`,
          ratio: fmt.ratio(ratio(value, baseline)),
          goal: '— (none set)',
          peakRss: fmt.rss(peak),
        }),
      ],
      notes: [
        `adapter: p50/p90/p99 over all ${all.adapter.length} scrapes ${fmt.ms(quantile(all.adapter, 0.5))}/${fmt.ms(quantile(all.adapter, 0.9))}/${fmt.ms(quantile(all.adapter, 0.99))} ` +
          `(direct /status ${fmt.ms(quantile(all.direct, 0.5))}/${fmt.ms(quantile(all.direct, 0.9))}/${fmt.ms(quantile(all.direct, 0.99))}); ` +
          `added by the adapter ${fmt.ms(value - baseline)} per scrape; /metrics is ${fmt.bytes(sizes.adapter)}, /status ${fmt.bytes(sizes.direct)}`,
      ],
    };
  } finally {
    agents.adapter.destroy();
    agents.direct.destroy();
    await Promise.all([stopChild(adapter), stopChild(app)]);
  }
}
