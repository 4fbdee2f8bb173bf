import { describe, expect, it } from 'vitest';
import { address, ambassador, refusedPort, request, testConfig } from './helpers';

describe('readiness endpoint', () => {
  it('answers 200 once the proxy listens, whatever the upstreams, and 503 once stop has begun', async () => {
    const amb = await ambassador(testConfig([address(await refusedPort())]));
    expect((await request(amb.proxy.port)).status).toBe(502); // every upstream down

    const ready = await request(amb.health.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });

    void amb.stop(5000);

    const draining = await request(amb.health.port, '/readyz');
    expect(draining.status).toBe(503);
    expect(draining.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(draining.body)).toEqual({ status: 'draining' });
    expect((await request(amb.health.port, '/healthz')).status).toBe(200); // liveness is not readiness
  });
});
