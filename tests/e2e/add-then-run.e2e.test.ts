/**
 * A singleton project given a sidecar and an adapter by `add`, then used as a user uses it:
 * npm install, its own `npm test` (the added helpers' tests among them), and `npm run dev`:
 * every request shipped by log-shipper, the app's status served as metrics, SIGTERM stops all.
 * It installs from the npm registry, so it is an end-to-end suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppServes, expectCleanStopOnSigterm, expectPrefixedOutput } from '../support/dev-checks.js';
import { eventually, type DevRun, servingDev } from '../support/dev-run.js';
import { npm, request, type GeneratedProject, installedProject } from '../support/generated-project.js';
import { add } from '../add/support.js';

const METRICS_PORT = 9102;

describe.skipIf(process.platform !== 'linux')('singleton + add sidecar,adapter, installed and run', () => {
  let project: GeneratedProject;

  beforeAll(async () => {
    project = await installedProject('singleton', async ({ dir }) => {
      const added = await add(dir, ['sidecar,adapter']);
      expect(added.exitCode, added.stderr).toBe(0);
    });
  }, 300_000);
  afterAll(() => project?.remove());

  it("passes its own tests (npm test), the added helpers' among them", async () => {
    const result = await npm(project, ['test'], 240_000);
    expect(result.exitCode, result.output).toBe(0);
    for (const container of ['app', 'log-shipper', 'adapter']) expect(result.output).toContain(`containers/${container}/test/`);
  }, 260_000);

  describe('npm run dev', () => {
    let dev: DevRun;
    beforeAll(async () => {
      dev = await servingDev(project, { ports: [project.port, METRICS_PORT], healthz: { adapter: METRICS_PORT } });
    }, 180_000);
    afterAll(() => dev?.dispose());

    it('runs the added helpers beside the app, each doing its job', async () => {
      await expectAppServes(project);
      expectPrefixedOutput(dev, ['app', 'log-shipper', 'adapter']);
      const marker = `/added-${Date.now()}`;
      for (let i = 0; i < 5; i += 1) expect((await request(project.port, `${marker}/${i}`)).status).toBe(404);
      await eventually(() => dev.jsonOf('log-shipper', 'stdout').filter((line) => String(line.path).startsWith(marker)).length === 5, {
        timeoutMs: 15_000,
        what: 'the 5 requests shipped by log-shipper',
        context: () => dev.tail(20),
      });
      const metrics = await request(METRICS_PORT, '/metrics');
      expect(metrics.status, metrics.text).toBe(200);
      expect(metrics.text).toMatch(/^app_http_requests_total\{status="404"\} ([5-9]|\d{2,})$/m);
    }, 60_000);

    it('on SIGTERM stops the app first, then its helpers, and exits 0 leaving no port held', async () => {
      await expectCleanStopOnSigterm(dev, { order: [['app'], ['log-shipper', 'adapter']], ports: [project.port, METRICS_PORT] });
    }, 60_000);
  });
});
