/**
 * The full combination: one pod holding all three helpers around the app (issue 13). Generated,
 * installed, its own tests run, then `npm run dev` checked from outside: each helper does its
 * job beside the others (every request shipped by log-shipper, GET /upstream through the
 * ambassador, the app's status as metrics from the adapter), and SIGTERM stops them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppServes, expectCleanStopOnSigterm, expectPrefixedOutput } from '../support/dev-checks.js';
import { eventually, type DevRun, servingDev } from '../support/dev-run.js';
import { npm, request, type GeneratedProject, installedProject } from '../support/generated-project.js';

/** Fixed by the patterns (src/patterns/constants.ts). */
const PROXY_PORT = 9000;
const HEALTH_PORT = 9001;
const METRICS_PORT = 9102;
const UPSTREAM_PORTS = [9081, 9082];

describe.skipIf(process.platform !== 'linux')('a generated project with every helper in one pod', () => {
  let project: GeneratedProject;

  beforeAll(async () => {
    project = await installedProject('adapter,sidecar,ambassador');
  }, 300_000);
  afterAll(() => project?.remove());

  it("passes its own container tests (npm test), every helper's among them", async () => {
    const result = await npm(project, ['test'], 240_000);
    expect(result.exitCode, result.output).toBe(0);
    for (const container of ['app', 'log-shipper', 'ambassador', 'adapter', 'upstream'])
      expect(result.output).toContain(`containers/${container}/test/`);
  }, 260_000);

  describe('npm run dev', () => {
    let dev: DevRun;
    beforeAll(async () => {
      dev = await servingDev(project, {
        ports: [project.port, PROXY_PORT, HEALTH_PORT, METRICS_PORT, ...UPSTREAM_PORTS],
        healthz: { adapter: METRICS_PORT },
      });
    }, 180_000);
    afterAll(() => dev?.dispose());

    it('runs every container of the pod, and the demo upstreams, with prefixed output', async () => {
      await expectAppServes(project);
      await eventually(() => dev.containerLines('log-shipper').length > 0, { timeoutMs: 10_000, what: 'a log-shipper line' });
      expectPrefixedOutput(dev, ['app', 'log-shipper', 'ambassador', 'adapter', 'upstream-primary', 'upstream-backup']);
    }, 30_000);

    it('each helper does its job beside the others: shipped lines, the upstream through 127.0.0.1, metrics', async () => {
      const marker = `/combo-${Date.now()}`;
      for (let i = 0; i < 5; i += 1) expect((await request(project.port, `${marker}/${i}`)).status).toBe(404);
      await eventually(() => dev.jsonOf('log-shipper', 'stdout').filter((line) => String(line.path).startsWith(marker)).length === 5, {
        timeoutMs: 15_000,
        what: 'the 5 requests shipped by log-shipper',
        context: () => dev.tail(20),
      });

      // The primary answers once the ambassador's health checks have seen it up (RISE checks after start).
      const upstream = await eventually(
        async () => {
          const answer = await request(project.port, '/upstream', { timeoutMs: 15_000 });
          return answer.json?.upstream?.upstream === 'primary' ? answer : undefined;
        },
        { timeoutMs: 20_000, intervalMs: 250, what: 'GET /upstream to answer from the primary', context: () => dev.tail(20) },
      );
      expect(upstream.status, upstream.text).toBe(200);
      expect(upstream.json).toMatchObject({ via: 'ambassador', upstream: { upstream: 'primary' } });

      const metrics = await request(METRICS_PORT, '/metrics');
      expect(metrics.status, metrics.text).toBe(200);
      expect(metrics.text).toMatch(/^app_http_requests_total\{status="404"\} ([5-9]|\d{2,})$/m);
    }, 60_000);

    it('on SIGTERM stops the app first, then its helpers, then the upstreams, and exits 0 leaving no port held', async () => {
      await expectCleanStopOnSigterm(dev, {
        order: [['app'], ['log-shipper', 'ambassador', 'adapter'], ['upstream-primary', 'upstream-backup']],
        ports: [project.port, PROXY_PORT, HEALTH_PORT, METRICS_PORT, ...UPSTREAM_PORTS],
      });
    }, 60_000);
  });
});
