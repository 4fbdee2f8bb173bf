import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { tcpConnect, type Connector } from '../src/connect';
import { address, ambassador, answeredBy, namedUpstream, testConfig } from './helpers';

/**
 * A dead upstream that drops packets (no refusal) cannot be made reliably on loopback,
 * so the connector hands back a socket that never connects, exactly what the proxy
 * sees while SYNs go unanswered.
 */
function withBlackhole(blackholePort: number): { connect: Connector; sockets: net.Socket[] } {
  const sockets: net.Socket[] = [];
  const connect: Connector = (a) => {
    if (a.port !== blackholePort) return tcpConnect(a);
    const socket = new net.Socket();
    sockets.push(socket);
    return socket;
  };
  return { connect, sockets };
}

describe('connect timeout', () => {
  it('gives up on an upstream that does not answer after CONNECT_TIMEOUT_MS and fails over', async () => {
    const blackhole = address(9999, 'blackhole.invalid');
    const backup = address(await namedUpstream('backup'));
    const { connect, sockets } = withBlackhole(blackhole.port);
    const amb = await ambassador(testConfig([blackhole, backup], { connectTimeoutMs: 200 }), { connect });

    const start = Date.now();
    expect(await answeredBy(amb.proxy.port)).toBe('backup');
    const took = Date.now() - start;

    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(2000);
    expect(amb.pool.snapshot()[0]).toMatchObject({ state: 'down', lastError: 'connect timeout after 200ms' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0].destroyed).toBe(true);
  });
});
