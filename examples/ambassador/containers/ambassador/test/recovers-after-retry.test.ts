import { describe, expect, it } from 'vitest';
import { address, ambassador, answeredBy, namedUpstream, refusedPort, request, sleep, testConfig } from './helpers';

describe('recovery', () => {
  it('goes back to the primary once it is up again and RETRY_AFTER_MS has passed', async () => {
    const primaryPort = await refusedPort();
    const primary = address(primaryPort);
    const backup = address(await namedUpstream('backup'));
    const amb = await ambassador(testConfig([primary, backup], { retryAfterMs: 400 }));

    expect(await answeredBy(amb.proxy.port)).toBe('backup');
    await namedUpstream('primary', primaryPort); // the primary comes back
    expect(await answeredBy(amb.proxy.port)).toBe('backup'); // still within RETRY_AFTER_MS
    await sleep(450);
    expect(await answeredBy(amb.proxy.port)).toBe('primary');

    expect(amb.pool.snapshot()[0]).toMatchObject({ state: 'up', lastError: 'ECONNREFUSED' });
    expect(amb.events.map((e) => `${e.event} ${e.upstream}`)).toEqual([
      `upstream_down ${primary.label}`,
      `upstream_up ${backup.label}`,
      `upstream_up ${primary.label}`,
    ]);
  });

  it('tries every upstream anyway when all of them failed recently', async () => {
    const primary = address(await refusedPort());
    const backupPort = await refusedPort();
    const amb = await ambassador(testConfig([primary, address(backupPort)], { retryAfterMs: 60_000 }));

    expect((await request(amb.proxy.port)).status).toBe(502);
    await namedUpstream('backup', backupPort);
    expect(await answeredBy(amb.proxy.port)).toBe('backup');
  });
});
