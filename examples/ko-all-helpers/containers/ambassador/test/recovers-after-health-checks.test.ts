import { describe, expect, it } from 'vitest';
import { address, ambassador, answeredBy, namedUpstream, refusedPort, request, testConfig } from './helpers';

describe('recovery', () => {
  it('goes back to the primary once it is up again and has passed HEALTH_CHECK_RISE checks', async () => {
    const primaryPort = await refusedPort();
    const primary = address(primaryPort);
    const backup = address(await namedUpstream('backup'));
    const amb = await ambassador(
      testConfig([primary, backup], { healthCheck: { mode: 'http', path: '/readyz', intervalMs: 50, timeoutMs: 500, rise: 2, fall: 2 } }),
      { activeHealthChecks: true },
    );

    expect(await answeredBy(amb.proxy.port)).toBe('backup');
    await namedUpstream('primary', primaryPort); // the primary comes back
    await expect.poll(() => amb.pool.snapshot()[0]!.state, { timeout: 10_000 }).toBe('up');
    expect(await answeredBy(amb.proxy.port)).toBe('primary');

    expect(amb.pool.snapshot()[0]).toMatchObject({ state: 'up', lastError: expect.stringMatching(/ECONNREFUSED$/) });
    expect(amb.events.filter((e) => e.upstream === primary.label).map((e) => e.event)).toEqual(['upstream_down', 'upstream_up']);
  });

  it('tries every upstream anyway when all of them are down', async () => {
    const primary = address(await refusedPort());
    const backupPort = await refusedPort();
    const amb = await ambassador(testConfig([primary, address(backupPort)]));

    expect((await request(amb.proxy.port)).status).toBe(502);
    expect(amb.pool.snapshot().map((u) => u.state)).toEqual(['down', 'down']);
    await namedUpstream('backup', backupPort);
    expect(await answeredBy(amb.proxy.port)).toBe('backup');
  });
});
