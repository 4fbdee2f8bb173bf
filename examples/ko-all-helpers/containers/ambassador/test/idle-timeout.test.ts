import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { address, ambassador, closed, listen, testConfig } from './helpers';

describe('idle timeout', () => {
  it('closes both sides when a hung upstream sends nothing for IDLE_TIMEOUT_MS', async () => {
    let upstreamSide: Promise<number> | undefined;
    // Accepts, reads the request, never answers.
    const hung = net.createServer((socket) => {
      upstreamSide = closed(socket);
      socket.resume();
    });
    const amb = await ambassador(testConfig([address(await listen(hung))], { idleTimeoutMs: 250 }));

    const client = net.connect(amb.proxy.port, '127.0.0.1');
    client.on('error', () => {});
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const clientClosedAfter = await closed(client);

    expect(clientClosedAfter).toBeGreaterThanOrEqual(200);
    expect(clientClosedAfter).toBeLessThan(2000);
    expect(await upstreamSide).toBeLessThan(2000);
  });

  it('keeps a connection that carries traffic in one direction only, however long it lasts', async () => {
    // Sends a tick every 50 ms for ~600 ms: longer than the idle timeout, never idle for it.
    const ticking = net.createServer((socket) => {
      let ticks = 0;
      const timer = setInterval(() => {
        ticks += 1;
        if (ticks < 12) socket.write('tick\n');
        else {
          clearInterval(timer);
          socket.end('done\n');
        }
      }, 50);
      socket.on('close', () => clearInterval(timer));
    });
    const amb = await ambassador(testConfig([address(await listen(ticking))], { idleTimeoutMs: 200 }));

    const client = net.connect(amb.proxy.port, '127.0.0.1');
    let received = '';
    client.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    await closed(client);

    expect(received).toBe(`${'tick\n'.repeat(11)}done\n`);
  });
});
