import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { address, ambassador, refusedPort, request, testConfig } from './helpers';

describe('no upstream reachable', () => {
  it('answers a complete HTTP 502 with every attempt and its error', async () => {
    const primary = address(await refusedPort());
    const backup = address(await refusedPort());
    const amb = await ambassador(testConfig([primary, backup]));

    const answer = await request(amb.proxy.port, '/anything', { method: 'POST', body: 'some request body' });

    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({
      error: 'ambassador: no upstream reachable',
      attempts: [
        { upstream: primary.label, error: 'ECONNREFUSED' },
        { upstream: backup.label, error: 'ECONNREFUSED' },
      ],
    });
  });

  it('also names the upstreams it skipped because they are down', async () => {
    const primary = address(await refusedPort());
    const sockets = new Set<net.Socket>();
    const backup = net.createServer((socket) => {
      sockets.add(socket);
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    });
    await new Promise<void>((resolve) => backup.listen(0, '127.0.0.1', resolve));
    const backupPort = (backup.address() as net.AddressInfo).port;
    const amb = await ambassador(testConfig([primary, address(backupPort)]));

    expect((await request(amb.proxy.port)).status).toBe(200);
    // The backup goes away: no more listener, and its open connections cut.
    await new Promise((resolve) => {
      backup.close(resolve);
      for (const socket of sockets) socket.destroy();
    });
    const answer = await request(amb.proxy.port);

    expect(answer.status).toBe(502);
    const attempts = JSON.parse(answer.body).attempts;
    expect(attempts[0]).toEqual({ upstream: address(backupPort).label, error: 'ECONNREFUSED' });
    expect(attempts[1].upstream).toBe(primary.label);
    expect(attempts[1].error).toMatch(/^skipped: down for \d+ms \(ECONNREFUSED\)$/);
  });

  it('names a connect timeout in the attempts', async () => {
    const blackhole = address(9999, 'blackhole.invalid');
    const amb = await ambassador(testConfig([blackhole], { connectTimeoutMs: 100 }), { connect: () => new net.Socket() });

    const answer = await request(amb.proxy.port);

    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).attempts).toEqual([{ upstream: 'blackhole.invalid:9999', error: 'connect timeout after 100ms' }]);
  });

  it('closes the connection after the answer', async () => {
    const amb = await ambassador(testConfig([address(await refusedPort())]));

    const client = net.connect(amb.proxy.port, '127.0.0.1');
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    let raw = '';
    client.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    await new Promise((resolve) => client.on('end', resolve));
    client.end();

    expect(raw).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
  });
});
