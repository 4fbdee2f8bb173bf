import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ambassadorProcess, closed, echoServer, listen, roundTrip, tryConnect } from './helpers';

describe('ambassador process on SIGTERM', () => {
  it('stops accepting once SHUTDOWN_DRAIN_MS is over, lets an open connection finish, then exits 0', async () => {
    const { proc, proxyPort } = await ambassadorProcess(await listen(echoServer()), 1000);
    const open = net.connect(proxyPort, '127.0.0.1');
    expect(await roundTrip(open, 'before')).toBe('before');

    proc.child.kill('SIGTERM');
    await proc.waitFor('proxy_closed');
    expect(await tryConnect(proxyPort)).toBe('ECONNREFUSED');
    expect(await roundTrip(open, 'after')).toBe('after');

    const endedAt = Date.now();
    open.end();
    expect(await proc.exited).toBe(0);
    expect(Date.now() - endedAt).toBeLessThan(900); // before the cut, which comes 1 s after proxy_closed
    expect(proc.lines.map((l) => l.event)).toEqual(['listening', 'upstream_up', 'stopping', 'proxy_closed', 'stopped']);
    expect(proc.lines.find((l) => l.event === 'proxy_closed')).toMatchObject({ openConnections: 1 });
  });

  it('cuts connections still open SHUTDOWN_DRAIN_MS after it stopped accepting, and still exits 0', async () => {
    const { proc, proxyPort } = await ambassadorProcess(await listen(echoServer()), 300);
    const open = net.connect(proxyPort, '127.0.0.1');
    open.on('error', () => {});
    expect(await roundTrip(open, 'hello')).toBe('hello');

    proc.child.kill('SIGTERM');
    const closedAfter = await closed(open);

    expect(closedAfter).toBeGreaterThanOrEqual(500); // 300 ms accepting, then 300 ms to finish
    expect(closedAfter).toBeLessThan(3000);
    expect(await proc.exited).toBe(0);
    expect(proc.lines.find((l) => l.event === 'connections_cut')).toMatchObject({ level: 'warn', connections: 1 });
  });

  it('stops at once on a second SIGTERM, cutting open connections, and exits 0', async () => {
    const { proc, proxyPort } = await ambassadorProcess(await listen(echoServer()), 10_000);
    const open = net.connect(proxyPort, '127.0.0.1');
    open.on('error', () => {});
    expect(await roundTrip(open, 'hello')).toBe('hello');

    proc.child.kill('SIGTERM');
    await proc.waitFor('stopping');
    const openClosed = closed(open);
    const secondAt = Date.now();
    proc.child.kill('SIGTERM');

    expect(await proc.exited).toBe(0);
    expect(Date.now() - secondAt).toBeLessThan(2000); // not the 10 s window
    expect(await openClosed).toBeLessThan(2000);
    expect(proc.lines.map((l) => l.event)).toEqual([
      'listening',
      'upstream_up',
      'stopping',
      'stopping_now',
      'proxy_closed',
      'connections_cut',
      'stopped',
    ]);
  });
});
