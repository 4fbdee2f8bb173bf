import { readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';
import { fakeApp, get, SAMPLE_STATUS, sampleLines, value } from './helpers';
import { adapterManifest } from './manifest';

const ENTRY = new URL('../src/index.ts', import.meta.url);

/**
 * Below the limit by this share: the kubelet counts more than RSS (page cache, kernel
 * memory), and Node's own footprint moves between versions.
 */
const HEADROOM = 0.25;

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** `count` fields in "metrics", as JSON text, without the closing braces. */
function manyFields(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `"field${i}Count":${i}`);
  return `{"service":"demo","metrics":{${fields.join(',')}`;
}

const sending =
  (body: string): Answer =>
  (_req, res) =>
    res.end(body);

/** Writes `chunk` for as long as the reader takes it, and never ends the answer. */
const endless =
  (chunk: string): Answer =>
  (_req, res) => {
    const more = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', more);
    res.write('{"metrics":{');
    more();
  };

/** One byte every 20 ms, forever: an app stuck in a slow loop. */
const dripping: Answer = (_req, res) => {
  res.write('{');
  const timer = setInterval(() => res.write(' '), 20);
  res.on('close', () => clearInterval(timer));
};

/** `length` bytes of JSON text, at most: "metrics" with as many fields as fit. */
function fieldsFilling(length: number): string {
  const fields: string[] = [];
  let size = 16;
  for (let i = 0; size + 20 < length; i++) {
    fields.push(`"f${i}Value":${i}`);
    size += fields[fields.length - 1].length + 1;
  }
  return `{"metrics":{${fields.join(',')}}}`;
}

/** How the adapter must take a status: read (adapter_up 1), or refused and counted under a reason. */
type Outcome = 'read' | 'too_large' | 'malformed' | 'timeout';

/** Statuses made to cost the adapter memory: over MAX_STATUS_BYTES, and just under it. */
function hostileStatuses(maxBytes: number): [string, Answer, Outcome][] {
  const under = maxBytes - 100;
  return [
    ['8 MB of malformed JSON', sending(manyFields(1_000_000).slice(0, 8_000_000)), 'too_large'],
    ['50,000 valid fields', sending(`${manyFields(50_000)}}}`), 'too_large'],
    ['500,000 valid fields', sending(`${manyFields(500_000)}}}`), 'too_large'],
    ['as many fields as fit under MAX_STATUS_BYTES', sending(fieldsFilling(under)), 'read'],
    ['JSON nested as deep as fits', sending(`{"uptimeSeconds":${'['.repeat(under / 2 - 20)}${']'.repeat(under / 2 - 20)}}`), 'malformed'],
    [
      'as many empty objects as fit',
      sending(
        `{"metrics":{"a":[${Array(Math.floor(under / 3) - 10)
          .fill('{}')
          .join(',')}]}}`,
      ),
      'malformed',
    ],
    [
      'as many status codes as fit',
      sending(
        JSON.stringify({
          requests: { byStatus: Object.fromEntries(Array.from({ length: Math.floor(under / 16) }, (_, i) => [`c${i}`, i])) },
        }),
      ),
      'malformed',
    ],
    ['a string label as long as fits', sending(JSON.stringify({ ...SAMPLE_STATUS, service: 'x'.repeat(under - 400) })), 'read'],
    ['a metric name as long as fits', sending(JSON.stringify({ metrics: { ['y'.repeat(under - 30)]: 1 } })), 'read'],
    ['a status that never ends', endless(`${manyFields(2000).slice(12)},`), 'too_large'],
    ['a status that never finishes sending', (_req, res) => res.write('{"metrics":{"a":1'), 'timeout'],
    ['a slow-dripping app', dripping, 'timeout'],
  ];
}

const errors = (body: string, reason: string) => value(body, `adapter_scrape_errors_total{reason="${reason}"}`) ?? 0;

function peakRss(pid: number): number {
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
}

/**
 * Starts the peak over from the current RSS (Linux >= 4.0), so each status shows its own.
 * Where the kernel refuses, the peak runs on from the start: a bound just as true, less precise.
 */
function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // e.g. a sandboxed /proc
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

describe.skipIf(process.platform !== 'linux')('adapter memory, whatever the status holds', () => {
  it("stays under its manifest's memory limit, with headroom, while scraping hostile statuses", async () => {
    const manifest = await adapterManifest();
    let answer: Answer = sending(JSON.stringify(SAMPLE_STATUS));
    const appPort = await fakeApp((req, res) => answer(req, res));
    // The manifest's environment as is (NODE_OPTIONS included), but for two loopback ports.
    const proc = await startBundled(ENTRY, { ...manifest.env, LISTEN_PORT: '0', APP_STATUS_URL: `http://127.0.0.1:${appPort}/status` });
    try {
      const { port } = (await proc.waitFor('listening')) as { port: number };
      const peaks: string[] = [];
      let peak = peakRss(proc.child.pid!);
      let before = (await get(port)).body;
      for (const [name, hostile, outcome] of hostileStatuses(Number(manifest.env.MAX_STATUS_BYTES))) {
        answer = hostile;
        resetPeakRss(proc.child.pid!);
        // Several scrapes at once, twice: Prometheus servers in HA pairs, and a retry.
        let last = '';
        for (let round = 0; round < 2; round++) {
          const answers = await Promise.all(Array.from({ length: 4 }, () => get(port)));
          expect(
            answers.map((a) => a.status),
            name,
          ).toEqual([200, 200, 200, 200]);
          expect(
            answers.map((a) => value(a.body, 'adapter_up')),
            name,
          ).toEqual(Array(4).fill(outcome === 'read' ? 1 : 0));
          last = answers[3].body;
          const appSamples = sampleLines(last).filter((line) => line.startsWith(manifest.env.METRIC_PREFIX)).length;
          expect(appSamples, name).toBeLessThanOrEqual(Number(manifest.env.MAX_SERIES));
        }
        // One read per round at least (scrapes arriving together share one), and every failure counted under its reason.
        for (const reason of ['timeout', 'connect', 'http_status', 'too_large', 'malformed']) {
          const counted = errors(last, reason) - errors(before, reason);
          if (reason === outcome) expect(counted, `${name}: ${reason}`).toBeGreaterThanOrEqual(2);
          else expect(counted, `${name}: ${reason}`).toBe(0);
        }
        before = last;
        const own = peakRss(proc.child.pid!);
        peaks.push(`${name}: ${mib(own)}`);
        peak = Math.max(peak, own);
      }
      answer = sending(JSON.stringify(SAMPLE_STATUS));
      expect(value((await get(port)).body, 'adapter_up'), 'a good status is read again').toBe(1);
      peak = Math.max(peak, peakRss(proc.child.pid!));

      const bound = manifest.memoryLimitBytes * (1 - HEADROOM);
      console.log(`adapter peak RSS after each status: ${peaks.join('; ')} (bound ${mib(bound)})`);
      expect(peak, `peak RSS ${mib(peak)}, bound ${mib(bound)}; ${peaks.join('; ')}`).toBeLessThan(bound);
    } finally {
      proc.child.kill('SIGKILL');
    }
  }, 180_000);
});
