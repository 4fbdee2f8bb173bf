// ambassador: requests per second and added latency through it, against a direct
// connection, against HAProxy in tcp mode and against Node's smallest proxy (pipe-proxy.mjs:
// what the runtime itself allows), on the same upstream (the demo upstream container), with
// wrk on loopback. Targets are interleaved within each run.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { note } from './lib/paths.mjs';
import { bundleContainer, manifestEnv, startContainer } from './lib/containers.mjs';
import { cpuMs, freePort, makeTempDir, peakRss, startChild, stopChild, waitForPort } from './lib/proc.mjs';
import { fmt, median, quantile, ratio } from './lib/stats.mjs';
import { row } from './lib/table.mjs';
import { interleavedLatencies } from './lib/http-ping.mjs';
import { wrk } from './lib/wrk.mjs';

export const MIN_THROUGHPUT_RATIO = 0.9;

const signedUs = (v) => (Number.isFinite(v) && v < 0 ? `−${fmt.us(-v)}` : `+${fmt.us(v)}`);
const LATENCY_REQUESTS = 2000;
const PIPE_PROXY = new URL('./lib/pipe-proxy.mjs', import.meta.url).pathname;

function haproxyConfig({ listenPort, upstreamPort, threads }) {
  // tcp mode, with the timeouts the ambassador's manifest sets (connect 1 s, idle 30 s).
  // No nbthread unless asked: HAProxy's default, one thread per CPU, as a user would run it.
  return `global
${threads ? `  nbthread ${threads}\n` : ''}  maxconn 4096
defaults
  mode tcp
  timeout connect 1s
  timeout client 30s
  timeout server 30s
frontend ambassador
  bind 127.0.0.1:${listenPort}
  default_backend upstream
backend upstream
  server primary 127.0.0.1:${upstreamPort}
`;
}

export async function measureAmbassador({ runs, wrk: wrkBin, haproxy, haproxyMissing, wrkSeconds, wrkConnections, haproxyThreads }) {
  const [upstreamBundle, ambassadorBundle] = await Promise.all([bundleContainer('upstream'), bundleContainer('ambassador')]);
  const dir = makeTempDir('ambassador');
  const ports = {
    upstream: await freePort(),
    ambassador: await freePort(),
    health: await freePort(),
    haproxy: await freePort(),
    pipe: await freePort(),
  };

  const upstream = startContainer(upstreamBundle, await manifestEnv('ambassador', 'upstream', { PORT: ports.upstream }));
  const ambassador = startContainer(
    ambassadorBundle,
    await manifestEnv('ambassador', 'ambassador', {
      LISTEN_HOST: '127.0.0.1',
      LISTEN_PORT: ports.ambassador,
      HEALTH_PORT: ports.health,
      UPSTREAMS: `127.0.0.1:${ports.upstream}`,
    }),
  );
  // Both log a line per event on stdout: drain it so a full pipe never blocks them.
  upstream.stdout.resume();
  ambassador.stdout.resume();
  const pipeProxy = startChild(process.execPath, [PIPE_PROXY, String(ports.pipe), String(ports.upstream)]);
  let haproxyProcess;
  try {
    await waitForPort(ports.upstream, { child: upstream });
    await waitForPort(ports.ambassador, { child: ambassador });
    await waitForPort(ports.pipe, { child: pipeProxy });
    const targets = {
      direct: `http://127.0.0.1:${ports.upstream}/`,
      ambassador: `http://127.0.0.1:${ports.ambassador}/`,
      pipe: `http://127.0.0.1:${ports.pipe}/`,
    };
    if (haproxy) {
      const cfg = join(dir, 'haproxy.cfg');
      writeFileSync(cfg, haproxyConfig({ listenPort: ports.haproxy, upstreamPort: ports.upstream, threads: haproxyThreads }));
      haproxyProcess = startChild(haproxy, ['-db', '-f', cfg]);
      haproxyProcess.stdout.resume();
      await waitForPort(ports.haproxy, { child: haproxyProcess });
      targets.haproxy = `http://127.0.0.1:${ports.haproxy}/`;
    }

    const names = Object.keys(targets);
    const load = { seconds: wrkSeconds, connections: wrkConnections };
    note(
      `ambassador: warm-up, then ${runs} runs of wrk -c${wrkConnections} -d${wrkSeconds}s on ${names.join(', ')} and ${LATENCY_REQUESTS} requests each, one at a time in turn ...`,
    );
    for (const name of names) await wrk(wrkBin, targets[name], { seconds: 1, connections: wrkConnections });
    const throughput = Object.fromEntries(names.map((n) => [n, []]));
    // CPU each process used per request under load: the proxy's own cost, and what is left for the upstream.
    const proxyPid = { ambassador: ambassador.pid, haproxy: haproxyProcess?.pid, pipe: pipeProxy.pid };
    const cpuPerRequest = Object.fromEntries(names.map((n) => [n, { proxy: [], upstream: [] }]));
    const loaded = async (name) => {
      const before = { proxy: proxyPid[name] && cpuMs(proxyPid[name]), upstream: cpuMs(upstream.pid) };
      const result = await wrk(wrkBin, targets[name], load);
      for (const who of ['proxy', 'upstream']) {
        const after = who === 'proxy' ? proxyPid[name] && cpuMs(proxyPid[name]) : cpuMs(upstream.pid);
        if (Number.isFinite(after) && Number.isFinite(before[who]))
          cpuPerRequest[name][who].push(((after - before[who]) * 1000) / result.requests);
      }
      return result;
    };
    const latency = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < runs; i++) {
      const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
      for (const name of order) throughput[name].push(await loaded(name));
      // One request at a time, taking turns: latency without queueing, under the same load drift.
      const samples = await interleavedLatencies(Object.fromEntries(names.map((n) => [n, Number(new URL(targets[n]).port)])), {
        count: LATENCY_REQUESTS,
      });
      for (const name of names) latency[name].push({ p50: median(samples[name]) / 1000, p99: quantile(samples[name], 0.99) / 1000 });
    }
    const peaks = {
      ambassador: peakRss(ambassador.pid),
      pipe: peakRss(pipeProxy.pid),
      haproxy: haproxyProcess && peakRss(haproxyProcess.pid),
      upstream: peakRss(upstream.pid),
    };

    const rps = (name) => median(throughput[name].map((r) => r.rps));
    const p50 = (name) => median(latency[name].map((r) => r.p50));
    const p99 = (name) => median(latency[name].map((r) => r.p99));
    const errors = names.map((n) => `${n} ${throughput[n].reduce((s, r) => s + r.errors, 0)}`).join(', ');
    // Paired within each run (same minute, same machine load), then the median over runs; µs.
    const added = (name) => median(latency[name].map((r, i) => (r.p50 - latency.direct[i].p50) * 1000));

    const rows = [];
    // What Node itself allows, so a gap to HAProxy can be told apart from the ambassador's own cost.
    const pipeRow = (against, againstName) =>
      row({
        measurement: `Node's smallest proxy (bench/lib/pipe-proxy.mjs: pipe() both ways, nothing else), wrk -c${wrkConnections} (median of ${runs})`,
        value: fmt.rate(rps('pipe'), 'req/s'),
        baseline: `${fmt.rate(rps(against), 'req/s')} (${againstName}); the ambassador is ${fmt.ratio(ratio(rps('ambassador'), rps('pipe')))} of it`,
        ratio: fmt.ratio(ratio(rps('pipe'), rps(against))),
        goal: "— (the runtime's floor)",
        peakRss: fmt.rss(peaks.pipe),
      });
    if (targets.haproxy) {
      const r = ratio(rps('ambassador'), rps('haproxy'));
      rows.push(
        row({
          measurement: `ambassador throughput, wrk -c${wrkConnections} (median of ${runs})`,
          value: fmt.rate(rps('ambassador'), 'req/s'),
          baseline: `${fmt.rate(rps('haproxy'), 'req/s')} (HAProxy tcp, ${haproxyThreads ? `nbthread ${haproxyThreads}` : `default threads: ${os.availableParallelism?.() ?? os.cpus().length}`}); direct ${fmt.rate(rps('direct'), 'req/s')}`,
          ratio: fmt.ratio(r),
          goal: `≥ ${MIN_THROUGHPUT_RATIO}x HAProxy`,
          pass: r >= MIN_THROUGHPUT_RATIO,
          peakRss: `${fmt.rss(peaks.ambassador)} (HAProxy ${fmt.rss(peaks.haproxy)})`,
        }),
        row({
          measurement: `ambassador added latency, p50, one request at a time (median of ${runs}×${LATENCY_REQUESTS})`,
          value: signedUs(added('ambassador')),
          baseline: `${signedUs(added('haproxy'))} (HAProxy); direct p50 ${fmt.us(p50('direct') * 1000)}`,
          ratio: fmt.ratio(ratio(added('ambassador'), added('haproxy'))),
          goal: '—',
        }),
        pipeRow('haproxy', 'HAProxy'),
      );
    } else {
      rows.push(
        row({ measurement: 'ambassador throughput vs HAProxy', skipped: `haproxy: ${haproxyMissing}` }),
        row({
          measurement: `ambassador throughput, wrk -c${wrkConnections} (median of ${runs})`,
          value: fmt.rate(rps('ambassador'), 'req/s'),
          baseline: `${fmt.rate(rps('direct'), 'req/s')} (direct)`,
          ratio: fmt.ratio(ratio(rps('ambassador'), rps('direct'))),
          goal: '—',
          peakRss: fmt.rss(peaks.ambassador),
        }),
        row({
          measurement: `ambassador added latency, p50, one request at a time (median of ${runs}×${LATENCY_REQUESTS})`,
          value: signedUs(added('ambassador')),
          baseline: `direct p50 ${fmt.us(p50('direct') * 1000)}`,
          goal: '—',
        }),
        pipeRow('direct', 'direct'),
      );
    }
    return {
      rows,
      notes: [
        `ambassador: req/s per run ${names.map((n) => `${n} ${throughput[n].map((r) => Math.round(r.rps)).join('/')}`).join('; ')}; ` +
          `p99 at -c${wrkConnections} ${names.map((n) => `${n} ${fmt.ms(median(throughput[n].map((r) => r.p99)))}`).join(', ')}; ` +
          `p50/p99 one at a time ${names.map((n) => `${n} ${fmt.us(p50(n) * 1000)}/${fmt.us(p99(n) * 1000)}`).join(', ')}; ` +
          `CPU per request (µs, proxy/upstream): ${names.map((n) => `${n} ${n === 'direct' ? '—' : median(cpuPerRequest[n].proxy).toFixed(1)}/${median(cpuPerRequest[n].upstream).toFixed(1)}`).join(', ')}; ` +
          `errors ${errors}; upstream (demo upstream container) peak RSS ${fmt.rss(peaks.upstream)}`,
      ],
    };
  } finally {
    await Promise.all([stopChild(haproxyProcess), stopChild(pipeProxy), stopChild(ambassador), stopChild(upstream)]);
  }
}
