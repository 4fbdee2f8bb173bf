import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { adapter, appServing, fakeApp, get, SAMPLE_STATUS } from './helpers';

describe('adapter routes', () => {
  it("serves METRICS_PATH with prom-client's content type", async () => {
    const amb = await adapter(await appServing(() => SAMPLE_STATUS), { metricsPath: '/custom/metrics' });

    const answer = await get(amb.port, '/custom/metrics');

    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(Registry.PROMETHEUS_CONTENT_TYPE);
    expect((await get(amb.port, '/metrics')).status).toBe(404);
  });

  it('answers /healthz with 200 even when the app is down', async () => {
    const amb = await adapter(1);
    expect((await get(amb.port, '/healthz')).status).toBe(200);
  });

  it('reads the app once for scrapes that arrive together', async () => {
    let reads = 0;
    // Answers slowly, so all three scrapes arrive while the first read is in flight.
    const app = await fakeApp((_req, res) => {
      reads += 1;
      setTimeout(() => res.end(JSON.stringify(SAMPLE_STATUS)), 150);
    });
    const amb = await adapter(app);

    const answers = await Promise.all([get(amb.port), get(amb.port), get(amb.port)]);

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.every((a) => a.body.includes('app_uptime_seconds 12.5'))).toBe(true);
    expect(reads).toBe(1);
  });
});
