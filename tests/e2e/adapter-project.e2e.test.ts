/**
 * A generated adapter-monitor project: the app reports its status in its own JSON; the adapter
 * serves it as Prometheus text on :9102/metrics. Checked from outside through `npm run dev`:
 * requests in, metrics out, and what a scrape says while the app is down.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppServes, expectCleanStopOnSigterm, expectPrefixedOutput } from '../support/dev-checks.js';
import { eventually, type DevRun, servingDev } from '../support/dev-run.js';
import { connectionRefused, npm, request, type GeneratedProject, installedProject } from '../support/generated-project.js';

/** Fixed by the pattern (src/patterns/constants.ts). */
const METRICS_PORT = 9102;

/** Prometheus's own linter, from Debian's prometheus package; CI (E2E_REQUIRE_PROMTOOL=1, or CI set) must have it. */
const hasPromtool = !spawnSync('promtool', ['--version']).error;
const promtoolRequired = Boolean(process.env.E2E_REQUIRE_PROMTOOL || process.env.CI);

/** `name{labels} value` lines of a Prometheus text exposition, by `name{labels}` as written. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${JSON.stringify(line)}`);
    out.set(match[1], Number(match[2]));
  }
  return out;
}

describe.skipIf(process.platform !== 'linux')('a generated adapter project', () => {
  let project: GeneratedProject;

  beforeAll(async () => {
    project = await installedProject('adapter');
  }, 300_000);
  afterAll(() => project?.remove());

  it('passes its own container tests (npm test)', async () => {
    const result = await npm(project, ['test'], 180_000);
    expect(result.exitCode, result.output).toBe(0);
    // The adapter's memory bound and the promtool check are among them.
    expect(result.output).toMatch(/✓ containers\/adapter\/test\/memory-bound\.test\.ts/);
    expect(result.output).toMatch(/containers\/adapter\/test\/promtool\.test\.ts/);
  }, 200_000);

  describe('npm run dev', () => {
    let dev: DevRun;
    beforeAll(async () => {
      dev = await servingDev(project, { ports: [project.port, METRICS_PORT], healthz: { adapter: METRICS_PORT } });
    }, 180_000);
    afterAll(() => dev?.dispose());

    const scrape = async () => {
      const answer = await request(METRICS_PORT, '/metrics');
      expect(answer.status, answer.text).toBe(200);
      return { answer, samples: samples(answer.text) };
    };

    it('serves GET / (JSON) and /healthz; both containers print prefixed lines', async () => {
      await expectAppServes(project);
      expectPrefixedOutput(dev, ['app', 'adapter']);
    }, 30_000);

    it('serves the app status as Prometheus text on :9102/metrics, counting the requests made, by status', async () => {
      // Requests whose count nobody else changes: 404s and 405s (scrapes themselves are 200s).
      for (let i = 0; i < 3; i += 1) expect((await request(project.port, '/')).status).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await request(project.port, `/missing/${i}`)).status).toBe(404);
      for (let i = 0; i < 2; i += 1) expect((await request(project.port, '/', { method: 'POST' })).status).toBe(405);

      const { answer, samples: metrics } = await scrape();
      expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4(; charset=utf-8)?$/);
      expect(metrics.get('adapter_up'), answer.text).toBe(1);
      expect(metrics.get('app_http_requests_total{status="404"}'), answer.text).toBe(5);
      expect(metrics.get('app_http_requests_total{status="405"}'), answer.text).toBe(2);
      // GET / three times, /healthz, and the adapter's own earlier reads of /status.
      expect(metrics.get('app_http_requests_total{status="200"}'), answer.text).toBeGreaterThanOrEqual(4);
      expect(metrics.get('app_ready'), answer.text).toBe(1);
      const info = [...metrics].filter(([key]) => key.startsWith(`app_info{service="${project.name}",`));
      expect(
        info.map(([, value]) => value),
        answer.text,
      ).toEqual([1]);
      expect(answer.text).toMatch(/^# TYPE app_http_requests_total counter$/m);
      expect(answer.text).toMatch(/^# TYPE adapter_up gauge$/m);
      // Every metric of the app carries the prefix the manifest sets (METRIC_PREFIX=app_).
      const names = [...metrics.keys()].map((key) => key.replace(/\{.*$/, ''));
      expect(names.filter((name) => !/^(app|adapter)_/.test(name))).toEqual([]);

      // The counters follow the app: one more 404, one more in the next scrape.
      expect((await request(project.port, '/missing/again')).status).toBe(404);
      expect((await scrape()).samples.get('app_http_requests_total{status="404"}')).toBe(6);
    }, 30_000);

    it('serves metrics in which promtool check metrics finds nothing wrong', async (context) => {
      if (!hasPromtool) {
        if (promtoolRequired) throw new Error('promtool is required here (E2E_REQUIRE_PROMTOOL or CI is set): apt-get install prometheus');
        context.skip();
      }
      // Some traffic first, so that every family the app reports has samples.
      expect((await request(project.port, '/')).status).toBe(200);
      expect((await request(project.port, '/missing')).status).toBe(404);
      const { answer, samples: metrics } = await scrape();
      expect(metrics.get('adapter_up'), answer.text).toBe(1);
      expect(metrics.get('app_http_request_duration_seconds_count'), answer.text).toBeGreaterThanOrEqual(2);

      const check = spawnSync('promtool', ['check', 'metrics'], { input: answer.text, encoding: 'utf8' });
      expect(`${check.stdout}${check.stderr}`.trim(), answer.text).toBe('');
      expect(check.status).toBe(0);
    }, 30_000);

    it('says adapter_up 0 and hides the app metrics while the app is down, and recovers once the runner restarts it', async () => {
      const app = dev.listenerOn(project.port);
      if (!app) throw new Error(`no process of this run listens on ${project.port}\n${dev.tail()}`);
      process.kill(app.pid, 'SIGKILL');
      await eventually(() => connectionRefused(project.port), {
        timeoutMs: 900,
        intervalMs: 10,
        what: 'the app port to refuse connections',
      });
      const down = await scrape();
      expect(down.samples.get('adapter_up'), down.answer.text).toBe(0);
      expect(down.samples.get('adapter_scrape_errors_total{reason="connect"}'), down.answer.text).toBeGreaterThanOrEqual(1);
      expect([...down.samples.keys()].filter((key) => key.startsWith('app_'))).toEqual([]);

      await eventually(async () => (await scrape()).samples.get('adapter_up') === 1, {
        timeoutMs: 20_000,
        intervalMs: 250,
        what: 'adapter_up 1 once the app is restarted',
        context: () => dev.tail(20),
      });
      // A fresh app process: its counters started again.
      expect((await scrape()).samples.get('app_http_requests_total{status="404"}')).toBeUndefined();
    }, 40_000);

    it('on SIGTERM stops the app before the adapter, and exits 0 leaving no port held', async () => {
      await expectCleanStopOnSigterm(dev, { order: [['app'], ['adapter']], ports: [project.port, METRICS_PORT] });
    }, 60_000);
  });
});
