import { describe, expect, it } from 'vitest';
import { address, ambassador, refusedPort, request, testConfig } from './helpers';

describe('health endpoint', () => {
  it('reports every upstream as unknown before any traffic', async () => {
    const amb = await ambassador(testConfig([address(9081, 'primary.example'), address(9082, 'backup.example')]));

    const answer = await request(amb.health.port, '/healthz');

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({
      status: 'ok',
      proxy: `127.0.0.1:${amb.proxy.port}`,
      upstreams: [
        { address: 'primary.example:9081', state: 'unknown', lastError: null, lastChange: null },
        { address: 'backup.example:9082', state: 'unknown', lastError: null, lastChange: null },
      ],
    });
  });

  it('stays 200 when every upstream is down, and says why and since when', async () => {
    const dead = address(await refusedPort());
    const amb = await ambassador(testConfig([dead]));
    const before = Date.now();
    expect((await request(amb.proxy.port)).status).toBe(502);

    const answer = await request(amb.health.port, '/healthz');

    expect(answer.status).toBe(200);
    const [upstream] = JSON.parse(answer.body).upstreams;
    expect(upstream).toMatchObject({ address: dead.label, state: 'down', lastError: 'ECONNREFUSED' });
    expect(Date.parse(upstream.lastChange)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('answers 404 on other paths', async () => {
    const amb = await ambassador(testConfig([address(await refusedPort())]));
    expect((await request(amb.health.port, '/metrics')).status).toBe(404);
  });
});
