// log-shipper throughput: lines per second shipped from a file being appended, against
// `tail -F` following the same file at the same time. Each writes to a pipe read by a
// process of its own that counts lines (lib/count-lines.mjs; as a container runtime reads
// each container's stdout); the rate is counted from each follower's first output line to
// its last, and its peak RSS is read from /proc before it is stopped.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { note } from './lib/paths.mjs';
import { bundleContainer, manifestEnv, startContainer } from './lib/containers.mjs';
import { cpuMs, makeTempDir, peakRss, removeTempDir, startChild, stopChild } from './lib/proc.mjs';
import { fmt, median, ratio } from './lib/stats.mjs';
import { row } from './lib/table.mjs';

export const MIN_RATE_RATIO = 0.5;
/** "Memory bounded": 4x the lines may raise the peak RSS by at most this factor. */
export const MAX_RSS_GROWTH = 1.25;
const WRITER = new URL('./lib/append-writer.mjs', import.meta.url).pathname;
const COUNTER = new URL('./lib/count-lines.mjs', import.meta.url).pathname;

/**
 * A reader for one follower's stdout, in its own process, through a named pipe in `dir`
 * (see lib/count-lines.mjs): start the follower with `stdout` (an fd) as its fd 1, then call
 * `started(child)`. `done` resolves when `expected` lines have come.
 */
function lineCounter(dir, name, expected, timeoutMs) {
  const fifo = join(dir, `${name}.stdout`);
  execFileSync('mkfifo', [fifo]);
  // Read-write, so that opening it does not wait for a reader; the follower holds the writing end once started.
  const stdout = openSync(fifo, 'r+');
  const reader = startChild(process.execPath, [COUNTER, fifo, String(expected)]);
  const state = { lines: 0, first: undefined, last: undefined, stdout, reader };
  state.done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ${expected} lines after ${timeoutMs} ms`)), timeoutMs);
    let text = '';
    reader.stdout.on('data', (chunk) => {
      text += chunk;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n')) {
        const report = JSON.parse(text.slice(0, nl));
        text = text.slice(nl + 1);
        state.lines = report.lines;
        if (report.first === undefined) continue;
        Object.assign(state, { first: BigInt(report.first), last: BigInt(report.last) });
        clearTimeout(timer);
        resolve();
      }
    });
    state.started = (child) => {
      closeSync(stdout);
      child.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        if (state.last === undefined) reject(new Error(`exited (${code ?? signal}) before ${expected} lines: ${child.stderrTail.trim()}`));
      });
    };
  });
  return state;
}

async function oneRun(bundle, lines, timeoutMs) {
  const dir = makeTempDir('log');
  const logFile = join(dir, 'access.log');
  writeFileSync(logFile, '');
  const env = await manifestEnv('sidecar', 'log-shipper', { LOG_FILE: logFile, OFFSET_FILE: join(dir, '.log-shipper.offset') });
  const pipes = makeTempDir('stdout');
  const followers = { shipper: lineCounter(pipes, 'shipper', lines, timeoutMs), tail: lineCounter(pipes, 'tail', lines, timeoutMs) };
  const stdio = (name) => ({ stdio: ['ignore', followers[name].stdout, 'pipe'] });
  const shipper = startContainer(bundle, env, stdio('shipper'));
  const tail = startChild('tail', ['-F', '-n', '+1', logFile], stdio('tail'));
  followers.shipper.started(shipper);
  followers.tail.started(tail);
  try {
    // Both have the empty file open (the shipper says so on stderr) before a line is written.
    const deadline = Date.now() + 10_000;
    while (!/"event":"following"/.test(shipper.stderrTail)) {
      if (Date.now() > deadline || shipper.exitCode !== null) throw new Error(`log-shipper did not start: ${shipper.stderrTail}`);
      await sleep(20);
    }
    await sleep(300);
    // CPU from the first line written to the last one shipped: the wall-clock ratio moves with
    // the machine's load (both followers share 2 cores with the writer and this process), CPU much less.
    const cpuBefore = { shipper: cpuMs(shipper.pid), tail: cpuMs(tail.pid) };
    const started = process.hrtime.bigint();
    const writer = startChild(process.execPath, [WRITER, logFile, String(lines)]);
    const cpuAtEnd = {};
    await Promise.all(
      ['shipper', 'tail'].map((name) =>
        followers[name].done.then(() => {
          cpuAtEnd[name] = cpuMs({ shipper, tail }[name].pid);
        }),
      ),
    );
    const { code } = await writer.exited;
    if (code !== 0) throw new Error(`writer failed: ${writer.stderrTail}`);
    const result = {};
    for (const [name, child] of Object.entries({ shipper, tail })) {
      const f = followers[name];
      const seconds = Number(f.last - f.first) / 1e9;
      result[name] = {
        rate: lines / seconds,
        firstLineMs: Number(f.first - started) / 1e6,
        allLinesMs: Number(f.last - started) / 1e6,
        peakRss: peakRss(child.pid),
        cpuMsPerMillionLines: ((cpuAtEnd[name] - cpuBefore[name]) * 1e6) / lines,
      };
    }
    // No extra lines: each line shipped once.
    await sleep(200);
    for (const name of ['shipper', 'tail']) {
      if (followers[name].lines !== lines) throw new Error(`${name} printed ${followers[name].lines} lines for ${lines}`);
    }
    return result;
  } finally {
    await Promise.all([stopChild(shipper), stopChild(tail), stopChild(followers.shipper.reader), stopChild(followers.tail.reader)]);
    followers.shipper.done.catch(() => {});
    followers.tail.done.catch(() => {});
    removeTempDir(dir);
    removeTempDir(pipes);
  }
}

export async function measureLogShipper({ runs, lines }) {
  const bundle = await bundleContainer('log-shipper');
  const results = [];
  const quarter = Math.max(1, Math.floor(lines / 4));
  note(
    `log-shipper: 1 run of ${quarter.toLocaleString('en-US')} lines (warm-up, memory at a quarter of the volume), then ${runs} runs of ${lines.toLocaleString('en-US')} lines, shipper and tail -F on the same file ...`,
  );
  const small = await oneRun(bundle, quarter, 120_000);
  for (let i = 0; i < runs; i++) results.push(await oneRun(bundle, lines, 120_000));

  const shipperRate = median(results.map((r) => r.shipper.rate));
  const tailRate = median(results.map((r) => r.tail.rate));
  const shipperPeak = Math.max(...results.map((r) => r.shipper.peakRss ?? NaN));
  const tailPeak = Math.max(...results.map((r) => r.tail.peakRss ?? NaN));
  const r = ratio(shipperRate, tailRate);
  const growth = ratio(shipperPeak, small.shipper.peakRss);
  const bounded = growth <= MAX_RSS_GROWTH;
  return {
    rows: [
      row({
        measurement: `log-shipper throughput, ${lines.toLocaleString('en-US')} lines (median of ${runs})`,
        value: fmt.rate(shipperRate, 'lines/s'),
        baseline: `${fmt.rate(tailRate, 'lines/s')} (tail -F)`,
        ratio: fmt.ratio(r),
        goal: `≥ ${MIN_RATE_RATIO}x; peak RSS ≤ ${MAX_RSS_GROWTH}x at 4x the lines`,
        pass: r >= MIN_RATE_RATIO && bounded,
        peakRss: `${fmt.rss(shipperPeak)}, ${fmt.rss(small.shipper.peakRss)} at ${quarter.toLocaleString('en-US')} lines (${fmt.ratio(growth)}${bounded ? '' : ', **not bounded**'}); tail ${fmt.rss(tailPeak)}`,
      }),
    ],
    notes: [
      `log-shipper: all lines shipped after ${fmt.ms(median(results.map((r) => r.shipper.allLinesMs)))} ` +
        `(first after ${fmt.ms(median(results.map((r) => r.shipper.firstLineMs)))}, POLL_INTERVAL_MS ${(await manifestEnv('sidecar', 'log-shipper')).POLL_INTERVAL_MS}); ` +
        `tail -F after ${fmt.ms(median(results.map((r) => r.tail.allLinesMs)))} (first after ${fmt.ms(median(results.map((r) => r.tail.firstLineMs)))}); ` +
        `per run shipper/tail: ${results.map((r) => fmt.ratio(ratio(r.shipper.rate, r.tail.rate))).join(', ')}; ` +
        `CPU (user+sys) per million lines, median: shipper ${fmt.ms(median(results.map((r) => r.shipper.cpuMsPerMillionLines)))}, ` +
        `tail -F ${fmt.ms(median(results.map((r) => r.tail.cpuMsPerMillionLines)))}`,
    ],
  };
}
