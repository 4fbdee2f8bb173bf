import { describe, expect, it } from 'vitest';
import { address, ambassador, request, testConfig } from './helpers';
import { countingUpstream, failures, tryRequest, upstreamProcess } from './faulty-upstreams';

/** Polls until `check` holds (generous: the machine may be loaded), or fails naming `what`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const stateOf = async (healthPort: number, index: number): Promise<string> =>
  (JSON.parse((await request(healthPort, '/healthz')).body) as { upstreams: { state: string }[] }).upstreams[index]!.state;

describe('active health checks', () => {
  it('a stopped upstream process (SIGSTOP: the kernel still accepts): 0 of 10 requests fail, /healthz says down, and it comes back after SIGCONT', async () => {
    const primary = await upstreamProcess('primary');
    const backup = await countingUpstream('backup');
    const amb = await ambassador(
      testConfig([address(primary.port), address(backup.port)], {
        firstByteTimeoutMs: 800,
        healthCheck: { mode: 'http', path: '/readyz', intervalMs: 100, timeoutMs: 500, rise: 2, fall: 2 },
      }),
      { activeHealthChecks: true },
    );
    expect(JSON.parse((await request(amb.proxy.port)).body).upstream).toBe('primary');

    primary.stop();
    const answers = [];
    // One at a time, as an app's requests come; the client gives up after 3 s, as the app does.
    for (let i = 0; i < 10; i++) answers.push(await tryRequest(amb.proxy.port, { timeoutMs: 3000 }));

    expect(failures(answers, 'backup')).toEqual([]);
    expect(await stateOf(amb.health.port, 0)).toBe('down');

    primary.resume();
    await until(async () => (await stateOf(amb.health.port, 0)) === 'up', 'the primary to be up again');
    expect(JSON.parse((await request(amb.proxy.port)).body).upstream).toBe('primary');
  }, 60_000);

  it('takes an upstream whose health path hangs out of rotation after exactly FALL checks, and back after exactly RISE', async () => {
    const primary = await countingUpstream('primary');
    const backup = await countingUpstream('backup');
    const fall = 3;
    const rise = 2;
    /** How many checks the primary had received when each of its state changes was logged. */
    const changes: { event: string; checksSoFar: number }[] = [];
    const amb = await ambassador(
      testConfig([address(primary.port), address(backup.port)], {
        // A check timeout long enough that a loaded machine never fails a healthy check by itself.
        healthCheck: { mode: 'http', path: '/readyz', intervalMs: 50, timeoutMs: 1000, rise, fall },
      }),
      {
        activeHealthChecks: true,
        log: (_level, event, fields) => {
          if (fields?.upstream === address(primary.port).label) changes.push({ event, checksSoFar: primary.checks() });
        },
      },
    );
    await until(() => changes.length === 1, 'the first check of the primary');
    expect(changes[0]!.event).toBe('upstream_up');

    const beforeHang = primary.checks();
    primary.setHealthy(false);
    await until(() => changes.length === 2, 'the primary to be marked down');
    expect(changes[1]).toEqual({ event: 'upstream_down', checksSoFar: beforeHang + fall });
    expect(amb.pool.snapshot()[0]).toMatchObject({ state: 'down', lastError: 'check timeout after 1000ms' });

    // Out of rotation: new requests go to the backup, the primary gets none.
    const hitsWhileDown = primary.hits();
    const answers = await Promise.all(Array.from({ length: 5 }, () => tryRequest(amb.proxy.port)));
    expect(failures(answers, 'backup')).toEqual([]);
    expect(primary.hits()).toBe(hitsWhileDown);

    const beforeHealing = primary.checks();
    primary.setHealthy(true);
    await until(() => changes.length === 3, 'the primary to be marked up again');
    expect(changes[2]).toEqual({ event: 'upstream_up', checksSoFar: beforeHealing + rise });
    expect(JSON.parse((await request(amb.proxy.port)).body).upstream).toBe('primary');
  }, 30_000);
});
