import { describe, expect, it } from 'vitest';
import { ambassadorProcess, namedUpstream, request, tryConnect } from './helpers';

describe('drain window after SIGTERM', () => {
  // A classic sidecar gets SIGTERM with the app, which may still call out while it drains.
  it('keeps proxying new connections for SHUTDOWN_DRAIN_MS, not ready but alive, then exits 0', async () => {
    const { proc, proxyPort, healthPort } = await ambassadorProcess(await namedUpstream('primary'), 800);

    const sentAt = Date.now();
    proc.child.kill('SIGTERM');
    await proc.waitFor('stopping');

    const answer = await request(proxyPort, '/during-drain', { method: 'POST', body: 'still there?' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ upstream: 'primary', method: 'POST', path: '/during-drain', body: 'still there?' });
    expect((await request(healthPort, '/readyz')).status).toBe(503);
    expect((await request(healthPort, '/healthz')).status).toBe(200);

    await proc.waitFor('proxy_closed');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(700);
    expect(await tryConnect(proxyPort)).toBe('ECONNREFUSED');
    expect(await proc.exited).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(3000);
  });
});
