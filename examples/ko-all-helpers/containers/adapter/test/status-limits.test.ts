import { describe, expect, it } from 'vitest';
import { adapter, appServing, fakeApp, get, SAMPLE_STATUS, sampleLines, value } from './helpers';

/** The sample status as JSON text of exactly `length` bytes (spaces before the closing brace). */
function statusOfLength(length: number): string {
  const json = JSON.stringify(SAMPLE_STATUS);
  return `${json.slice(0, -1)}${' '.repeat(length - json.length)}}`;
}

const errors = (body: string, reason: string) => value(body, `adapter_scrape_errors_total{reason="${reason}"}`);
const appLines = (body: string) => sampleLines(body).filter((line) => line.startsWith('app_'));

describe('MAX_STATUS_BYTES', () => {
  it('reads a status of exactly MAX_STATUS_BYTES, and refuses one byte more as too_large', async () => {
    let body = statusOfLength(4096);
    const amb = await adapter(await fakeApp((_req, res) => res.end(body)), { maxStatusBytes: 4096 });

    expect(value((await get(amb.port)).body, 'adapter_up')).toBe(1);
    body = statusOfLength(4097);
    const refused = (await get(amb.port)).body;

    expect(value(refused, 'adapter_up')).toBe(0);
    expect(errors(refused, 'too_large')).toBe(1);
    expect(errors(refused, 'malformed')).toBe(0);
    expect(appLines(refused)).toEqual([]);
  });

  it('cuts a status that streams on past MAX_STATUS_BYTES: the app sees its connection closed', async () => {
    let written = 0;
    let closed!: () => void;
    const appClosed = new Promise<void>((resolve) => (closed = resolve));
    // No Content-Length, and no end: only the adapter hanging up stops this app.
    const app = await fakeApp((_req, res) => {
      const more = () => {
        while (!res.destroyed && res.write(' '.repeat(16 * 1024))) written += 16 * 1024;
      };
      res.on('drain', more);
      res.on('close', closed);
      res.write('{"metrics":{}');
      more();
    });
    const amb = await adapter(app, { maxStatusBytes: 64 * 1024, scrapeTimeoutMs: 60_000 });

    const { body } = await get(amb.port);
    await appClosed;

    expect(errors(body, 'too_large')).toBe(1);
    expect(errors(body, 'timeout')).toBe(0);
    expect(amb.events).toMatchObject([{ event: 'app_status_unreadable', reason: 'too_large' }]);
    // What the app managed to write before the close: the cap plus what sockets buffer, not without end.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a status whose Content-Length is over MAX_STATUS_BYTES before reading its body', async () => {
    const app = await fakeApp((_req, res) => {
      res.writeHead(200, { 'Content-Length': 10_000_000 });
      res.write('{'); // and nothing more: a reader that waited for the body would time out
    });
    const amb = await adapter(app, { maxStatusBytes: 4096, scrapeTimeoutMs: 60_000 });

    const { body } = await get(amb.port);

    expect(errors(body, 'too_large')).toBe(1);
    expect(errors(body, 'timeout')).toBe(0);
  });
});

describe('the shape of a status, checked before parsing', () => {
  it.each([
    [
      'nests deeper than 32 levels',
      `{"metrics":{"a":${'['.repeat(40)}${']'.repeat(40)}}}`,
      'status nests objects and arrays 42 deep, more than 32',
    ],
    [
      'holds more than 1,000 objects and arrays',
      `{"metrics":{"a":[${Array(1000).fill('{}').join(',')}]}}`,
      'status holds 1003 objects and arrays, more than 1000',
    ],
    [
      'has a byStatus key that is no HTTP status code',
      JSON.stringify({ requests: { byStatus: { ok: 1 } } }),
      '"requests.byStatus" should be keyed by HTTP status codes, got "ok"',
    ],
  ])('is malformed when it %s', async (_what, status, error) => {
    const amb = await adapter(await fakeApp((_req, res) => res.end(status)));
    const { body } = await get(amb.port);
    expect(errors(body, 'malformed')).toBe(1);
    expect(amb.events).toMatchObject([{ event: 'app_status_unreadable', reason: 'malformed', error }]);
  });

  it('does not count brackets and quotes inside strings', async () => {
    const service = `${'['.repeat(100)}\\"{${'{'.repeat(2000)}`;
    const amb = await adapter(await appServing(() => ({ ...SAMPLE_STATUS, service })));
    const { body } = await get(amb.port);
    expect(value(body, 'adapter_up')).toBe(1);
    expect(body).toContain(`app_info{service="${service.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}",version="0.1.0"} 1`);
  });
});

describe('MAX_SERIES', () => {
  // The sample status has 11 samples from known fields, then "metrics".
  const KNOWN_SAMPLES = 11;
  const withFields = (count: number) => ({
    ...SAMPLE_STATUS,
    metrics: Object.fromEntries(Array.from({ length: count }, (_, i) => [`queue${i}Depth`, i])),
  });

  it('keeps the known fields and the first fields of "metrics" up to MAX_SERIES, and counts the rest as dropped', async () => {
    const amb = await adapter(await appServing(() => withFields(50)), { maxSeries: KNOWN_SAMPLES + 30 });

    const { body } = await get(amb.port);

    const lines = appLines(body);
    expect(lines).toHaveLength(KNOWN_SAMPLES + 30);
    expect(lines.filter((l) => /^app_queue\d+_depth /.test(l))).toEqual(Array.from({ length: 30 }, (_, i) => `app_queue${i}_depth ${i}`));
    expect(value(body, 'adapter_dropped_series')).toBe(20);
    expect(value(body, 'adapter_skipped_fields')).toBe(0);
    expect(value(body, 'adapter_up')).toBe(1);
  });

  it('drops a whole family that does not fit, never half a summary', async () => {
    // info, start time, uptime, ready, 2 request counts, in flight: 7; the summary's 2 would make 9.
    const amb = await adapter(await appServing(() => withFields(5)), { maxSeries: 8 });

    const { body } = await get(amb.port);

    expect(appLines(body).map((l) => l.replace(/[{ ].*$/, ''))).toEqual([
      'app_info',
      'app_start_time_seconds',
      'app_uptime_seconds',
      'app_ready',
      'app_http_requests_total',
      'app_http_requests_total',
      'app_http_requests_in_flight',
    ]);
    expect(value(body, 'adapter_dropped_series')).toBe(2 + 2 + 5);
  });

  it('says 0 dropped once the status fits again', async () => {
    let status = withFields(50);
    const amb = await adapter(await appServing(() => status), { maxSeries: KNOWN_SAMPLES + 30 });
    await get(amb.port);
    status = withFields(10);
    const { body } = await get(amb.port);
    expect(value(body, 'adapter_dropped_series')).toBe(0);
    expect(appLines(body)).toHaveLength(KNOWN_SAMPLES + 10);
  });
});
