// npm run bench: measures the CLI and the generated containers side by side with their
// yardsticks in one run, and prints one markdown table (medians, ratios, goals; no absolute
// times are asserted anywhere). Progress goes to stderr; the table to stdout and to
// .bench/last-results.md. Children and temp files are removed at the end, on errors and on Ctrl-C.
//
//   npm run bench                                  everything (about 2 minutes)
//   npm run bench -- --only scaffold,adapter       sections: install, scaffold, log-shipper, ambassador, adapter
//   BENCH_RUNS=5 BENCH_SCAFFOLD_RUNS=25 npm run bench
//
// Settings (environment): BENCH_SCAFFOLD_RUNS (15), BENCH_NPX_RUNS (5: first runs through npx), BENCH_RUNS (3: log-shipper, ambassador and
// adapter runs), BENCH_LOG_LINES (1000000), BENCH_WRK_SECONDS (5), BENCH_WRK_CONNECTIONS (50),
// BENCH_HAPROXY_THREADS (unset: HAProxy's default, one thread per CPU), BENCH_ADAPTER_FIELDS
// (1000), BENCH_ADAPTER_SCRAPES (100), BENCH_NODE (24: the Node major everything runs on, the
// current LTS; installed from the npm registry when the machine's node is another one;
// `current` runs on the machine's node), BENCH_NO_APT (never apt-get install haproxy/wrk: their
// rows are skipped if missing), BENCH_NO_CALLGRIND (skip the valgrind instruction count),
// BENCH_DIR (.bench: create-vite, the container bundles, last-results.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { measureAdapter } from './adapter.mjs';
import { measureAmbassador } from './ambassador.mjs';
import { measureInstallSize } from './install-size.mjs';
import { builtBundles } from './lib/containers.mjs';
import { BENCH_DIR, ROOT, note } from './lib/paths.mjs';
import { cpuTimes, installCleanupHandlers, stolenShare } from './lib/proc.mjs';
import { markdownTable, row } from './lib/table.mjs';
import { ensureCreateVite, ensureDebianCommands, ensureNode } from './lib/tools.mjs';
import { measureLogShipper } from './log-shipper.mjs';
import { measureNpxFirstRun } from './npx-first-run.mjs';
import { measureScaffold } from './scaffold.mjs';

const SECTIONS = ['install', 'scaffold', 'log-shipper', 'ambassador', 'adapter'];

function settings(argv, env) {
  const int = (name, fallback) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${value}"`);
    return Number(value);
  };
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex === -1 ? SECTIONS : (argv[onlyIndex + 1]?.split(',') ?? []);
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  return {
    only,
    scaffoldRuns: int('BENCH_SCAFFOLD_RUNS', 15),
    npxRuns: int('BENCH_NPX_RUNS', 5),
    runs: int('BENCH_RUNS', 3),
    logLines: int('BENCH_LOG_LINES', 1_000_000),
    wrkSeconds: int('BENCH_WRK_SECONDS', 5),
    wrkConnections: int('BENCH_WRK_CONNECTIONS', 50),
    haproxyThreads: int('BENCH_HAPROXY_THREADS', undefined),
    adapterFields: int('BENCH_ADAPTER_FIELDS', 1000),
    adapterScrapes: int('BENCH_ADAPTER_SCRAPES', 100),
  };
}

/** The commit measured, and whether the tree had changes on top of it. */
function gitDescription() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD');
  if (!head) return 'not a git checkout';
  const changed = git('status', '--porcelain').split('\n').filter(Boolean).length;
  return `commit ${head}${changed ? ` plus ${changed} changed or untracked paths in the working tree` : ''}`;
}

/** Node major the bench measures on: the current LTS, which the generated Dockerfiles run. */
const BENCH_NODE = process.env.BENCH_NODE ?? '24';

/** Runs this script again under the wanted Node when this one is another; returns its exit status. */
function onWantedNode() {
  if (BENCH_NODE === 'current') return undefined;
  if (!/^\d+$/.test(BENCH_NODE)) throw new Error(`BENCH_NODE must be a Node major version or "current", got "${BENCH_NODE}"`);
  const node = ensureNode(Number(BENCH_NODE));
  if (node === process.execPath) return undefined;
  note(`running the bench on ${node}`);
  const result = spawnSync(node, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, BENCH_NODE: 'current' } });
  return result.status ?? 1;
}

async function main() {
  const status = onWantedNode();
  if (status !== undefined) {
    process.exitCode = status;
    return;
  }
  installCleanupHandlers();
  const config = settings(process.argv.slice(2), process.env);
  const wants = (section) => config.only.includes(section);
  const rows = [];
  const notes = [];
  const loadBefore = os.loadavg();
  const started = Date.now();

  /** Runs one section; a failure becomes a row saying so, and the other sections still run. */
  /** Per section, the CPU time a VM's hypervisor gave to others: wall times move with it. */
  const stolen = [];
  const section = async (name, measurement, fn) => {
    const t0 = Date.now();
    const cpuBefore = cpuTimes();
    try {
      const result = await fn();
      rows.push(...result.rows);
      notes.push(...(result.notes ?? []));
      note(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const share = stolenShare(cpuBefore, cpuTimes());
      if (share) stolen.push(`${name} ${share}`);
      return result;
    } catch (err) {
      note(`${name} failed: ${err.stack ?? err}`);
      rows.push(row({ measurement, skipped: `failed: ${String(err.message).split('\n')[0].slice(0, 160)}` }));
      return undefined;
    }
  };

  let createVite;
  if (wants('install') || wants('scaffold')) createVite = ensureCreateVite();
  let installed;
  if (wants('install') || wants('scaffold')) {
    installed = await section('install', 'npx install size', () => measureInstallSize({ createVite }));
    if (!wants('install')) {
      // Packed only to get the CLI as npx installs it.
      rows.length = 0;
      notes.length = 0;
    }
  }
  if (wants('scaffold')) {
    if (installed) {
      await section('scaffold', 'scaffold time', () => measureScaffold({ cli: installed.cli, createVite, runs: config.scaffoldRuns }));
      await section('npx first run', 'scaffold, first run through npx', () =>
        measureNpxFirstRun({ tarball: installed.tarball, createVite, runs: config.npxRuns }),
      );
    } else rows.push(row({ measurement: 'scaffold time', skipped: 'the package could not be packed and installed' }));
  }
  if (wants('log-shipper')) {
    const { missing } = ensureDebianCommands({ tail: 'coreutils' });
    if (missing.tail) rows.push(row({ measurement: 'log-shipper throughput', skipped: `tail: ${missing.tail}` }));
    else await section('log-shipper', 'log-shipper throughput', () => measureLogShipper({ runs: config.runs, lines: config.logLines }));
  }
  if (wants('ambassador')) {
    const { found, missing } = ensureDebianCommands({ haproxy: 'haproxy', wrk: 'wrk' });
    if (missing.wrk) rows.push(row({ measurement: 'ambassador throughput and latency', skipped: `wrk: ${missing.wrk}` }));
    else
      await section('ambassador', 'ambassador throughput and latency', () =>
        measureAmbassador({ ...config, wrk: found.wrk, haproxy: found.haproxy, haproxyMissing: missing.haproxy }),
      );
  }
  if (wants('adapter')) {
    await section('adapter', 'adapter scrape latency', () =>
      measureAdapter({ runs: config.runs, fields: config.adapterFields, scrapes: config.adapterScrapes }),
    );
  }

  if (builtBundles.size > 0)
    notes.push(`container bundles measured (sha256): ${[...builtBundles].map(([n, h]) => `${n} ${h}`).join(', ')}`);
  if (stolen.length > 0) notes.push(`CPU time the hypervisor gave to other guests (steal), per section: ${stolen.join(', ')}`);
  notes.push(`source: ${gitDescription()}`);
  const loadAfter = os.loadavg();
  const header =
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadBefore[0].toFixed(2)} before, ` +
    `${loadAfter[0].toFixed(2)} after, ${((Date.now() - started) / 1000).toFixed(0)} s`;
  const table = markdownTable(rows);
  const legend = 'result: pass/**FAIL** against the goal; info: no goal set for that row (context only).';
  const report = `${header}\n\n${table}\n\n${legend}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(join(BENCH_DIR, 'last-results.md'), report);
  note(`results also written to ${join(BENCH_DIR, 'last-results.md')}`);
  process.stdout.write(`\n${report}`);
}

main().catch((err) => {
  note(err.stack ?? String(err));
  process.exitCode = 1;
});
