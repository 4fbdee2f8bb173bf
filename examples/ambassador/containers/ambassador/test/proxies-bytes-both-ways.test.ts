import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { address, ambassador, listen, namedUpstream, request, testConfig } from './helpers';

describe('proxying', () => {
  it('carries an HTTP request to the upstream and its answer back', async () => {
    const upstreamPort = await namedUpstream('primary');
    const amb = await ambassador(testConfig([address(upstreamPort)]));

    const answer = await request(amb.proxy.port, '/orders?id=7', { method: 'POST', body: 'hello upstream' });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ upstream: 'primary', method: 'POST', path: '/orders?id=7', body: 'hello upstream' });
  });

  it('forwards bytes the client sent before the upstream connection was ready', async () => {
    const upstreamPort = await namedUpstream('primary');
    // The upstream connection is only opened 150 ms after the client has sent its request.
    const slowConnect = ({ host, port }: { host: string; port: number }) => {
      const socket = new net.Socket({ allowHalfOpen: true });
      setTimeout(() => socket.connect(port, host), 150);
      return socket;
    };
    const amb = await ambassador(testConfig([address(upstreamPort)]), { connect: slowConnect });

    const answer = await request(amb.proxy.port, '/early', { method: 'PUT', body: 'sent at once' });

    expect(JSON.parse(answer.body)).toMatchObject({ path: '/early', body: 'sent at once' });
  });

  it('forwards a 16 MiB request in full, in order, to an upstream that reads it slowly before answering', async () => {
    const size = 16 * 1024 * 1024;
    const payload = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4) payload.writeUInt32LE(i, i); // every offset says where it belongs
    const upstream = net.createServer({ allowHalfOpen: true }, (socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        // A slow reader: the request backs up in the proxy, which must wait, not buffer it all.
        socket.pause();
        setTimeout(() => socket.resume(), 1);
      });
      socket.on('end', () =>
        socket.end(Buffer.concat(chunks).equals(payload) ? 'same bytes' : `different bytes (${Buffer.concat(chunks).length})`),
      );
    });
    const amb = await ambassador(testConfig([address(await listen(upstream))], { replayBufferBytes: 64 * 1024 }));

    const client = net.connect({ host: '127.0.0.1', port: amb.proxy.port, allowHalfOpen: true });
    client.end(payload);
    let answer = '';
    client.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    await new Promise((resolve) => client.on('end', resolve));
    client.destroy();

    expect(answer).toBe('same bytes');
  }, 60_000);

  it('passes a half-close on and still delivers a large answer in full, in order, leaving no socket open', async () => {
    const size = 8 * 1024 * 1024;
    // Every offset says where it belongs: a read buffer reused before its bytes were sent would show.
    const payload = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4) payload.writeUInt32LE(i, i);
    // Answers only after the client has finished sending (its FIN), then closes.
    const upstream = net.createServer({ allowHalfOpen: true }, (socket) => {
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      socket.on('end', () => socket.end(received === 'ping' ? payload : 'wrong request'));
    });
    const upstreamPort = await listen(upstream);
    const amb = await ambassador(testConfig([address(upstreamPort)]));

    const client = net.connect({ host: '127.0.0.1', port: amb.proxy.port, allowHalfOpen: true });
    client.end('ping');
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A slow reader: the answer backs up in the proxy while the upstream has already closed.
    client.pause();
    setTimeout(() => client.resume(), 300);
    await new Promise((resolve) => client.on('end', resolve));
    client.end();

    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
    await expect.poll(() => connectionCount(upstream)).toBe(0);
  });
});

function connectionCount(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((err, count) => (err ? reject(err) : resolve(count))));
}
