import net from 'node:net';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { ambassador, ambassadorEnv, namedUpstream, request } from './helpers';

/** An address of this machine that is not loopback, if it has one. */
const externalIp = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('listening address', () => {
  const env = (upstreamPort: number) => ambassadorEnv(`127.0.0.1:${upstreamPort}`);

  it('binds the proxy to LISTEN_HOST and the health endpoint to all interfaces', async () => {
    const amb = await ambassador(readConfig(env(await namedUpstream('primary'))));

    expect(amb.proxy.address).toBe('127.0.0.1');
    expect(['::', '0.0.0.0']).toContain(amb.health.address);
    expect((await request(amb.proxy.port)).status).toBe(200);
  });

  it.runIf(externalIp)('cannot be reached on the pod IP, while the health endpoint can', async () => {
    const amb = await ambassador(readConfig(env(await namedUpstream('primary'))));

    expect(await connects(externalIp!, amb.proxy.port)).toBe(false);
    expect(await connects(externalIp!, amb.health.port)).toBe(true);
  });
});
