import { describe, expect, it } from 'vitest';
import { tcpConnect } from '../src/connect';
import { address, ambassador, answeredBy, namedUpstream, refusedPort, testConfig } from './helpers';

describe('failover', () => {
  it('uses the next upstream when the first refuses, and logs the first as down', async () => {
    const primary = address(await refusedPort());
    const backup = address(await namedUpstream('backup'));
    const amb = await ambassador(testConfig([primary, backup]));

    expect(await answeredBy(amb.proxy.port)).toBe('backup');

    expect(amb.pool.snapshot()).toMatchObject([
      { address: primary.label, state: 'down', lastError: 'ECONNREFUSED' },
      { address: backup.label, state: 'up', lastError: null },
    ]);
    expect(amb.events).toEqual([
      { level: 'warn', event: 'upstream_down', upstream: primary.label, error: 'ECONNREFUSED' },
      { level: 'info', event: 'upstream_up', upstream: backup.label },
    ]);
  });

  it('prefers the first upstream while it works', async () => {
    const primary = address(await namedUpstream('primary'));
    const backup = address(await namedUpstream('backup'));
    const amb = await ambassador(testConfig([primary, backup]));

    expect(await answeredBy(amb.proxy.port)).toBe('primary');
    expect(await answeredBy(amb.proxy.port)).toBe('primary');
    expect(amb.pool.snapshot().map((u) => u.state)).toEqual(['up', 'unknown']);
  });

  it('skips an upstream marked down instead of paying its failure again', async () => {
    const primary = address(await refusedPort());
    const backup = address(await namedUpstream('backup'));
    let primaryTries = 0;
    const amb = await ambassador(testConfig([primary, backup]), {
      connect: (a) => {
        if (a.port === primary.port) primaryTries += 1;
        return tcpConnect(a);
      },
    });

    await answeredBy(amb.proxy.port);
    await answeredBy(amb.proxy.port);
    await answeredBy(amb.proxy.port);
    expect(primaryTries).toBe(1);
  });
});
