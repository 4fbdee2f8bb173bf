import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startBundled, type RunningProcess } from './bundled-process';
import { closed, listen } from './helpers';

/** Echoes every byte back; closes when the client does. */
const echo = () => net.createServer({ allowHalfOpen: true }, (socket) => socket.pipe(socket));

async function startProcess(upstreamPort: number, drainMs: number): Promise<{ proc: RunningProcess; proxyPort: number }> {
  const proc = await startBundled({
    LISTEN_HOST: '127.0.0.1',
    LISTEN_PORT: '0',
    HEALTH_PORT: '0',
    UPSTREAMS: `127.0.0.1:${upstreamPort}`,
    CONNECT_TIMEOUT_MS: '1000',
    IDLE_TIMEOUT_MS: '30000',
    RETRY_AFTER_MS: '2000',
    SHUTDOWN_DRAIN_MS: String(drainMs),
  });
  const { proxy } = (await proc.waitFor('listening')) as { proxy: string };
  return { proc, proxyPort: Number(proxy.split(':').pop()) };
}

function roundTrip(socket: net.Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    socket.write(text);
  });
}

describe('ambassador process on SIGTERM', () => {
  it('stops accepting, lets an open connection finish, then exits 0', async () => {
    const { proc, proxyPort } = await startProcess(await listen(echo()), 10_000);
    try {
      const open = net.connect(proxyPort, '127.0.0.1');
      expect(await roundTrip(open, 'before')).toBe('before');

      proc.child.kill('SIGTERM');
      await proc.waitFor('stopping');
      const refused = await new Promise<string>((resolve) => net.connect(proxyPort, '127.0.0.1').on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')).on('connect', () => resolve('connected')));
      expect(refused).toBe('ECONNREFUSED');
      expect(await roundTrip(open, 'during')).toBe('during');

      const endedAt = Date.now();
      open.end();
      expect(await proc.exited).toBe(0);
      expect(Date.now() - endedAt).toBeLessThan(3000); // not the 10 s drain bound
      expect(proc.lines.map((l) => l.event)).toEqual(['listening', 'upstream_up', 'stopping', 'stopped']);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  it('cuts connections still open after SHUTDOWN_DRAIN_MS and still exits 0', async () => {
    const { proc, proxyPort } = await startProcess(await listen(echo()), 300);
    try {
      const open = net.connect(proxyPort, '127.0.0.1');
      open.on('error', () => {});
      expect(await roundTrip(open, 'hello')).toBe('hello');

      proc.child.kill('SIGTERM');
      const closedAfter = await closed(open);

      expect(closedAfter).toBeGreaterThanOrEqual(200);
      expect(closedAfter).toBeLessThan(3000);
      expect(await proc.exited).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });
});
