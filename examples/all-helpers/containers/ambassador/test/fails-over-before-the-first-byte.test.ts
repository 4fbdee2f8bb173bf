import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { address, ambassador, listen, request, testConfig } from './helpers';
import { countingUpstream, failures, faultyUpstream, tryRequest } from './faulty-upstreams';

/**
 * Every failure of the primary before the first byte of its answer must cost the app
 * nothing while the backup works: the request, body and all, goes to the backup. The
 * requests run all at once, so every one of them was already on its way to the primary
 * when the first failure marked it down.
 */
const N = 20;
const body = 'x'.repeat(48 * 1024); // several reads, inside the 64 KiB replay buffer

async function sendAll(port: number, count = N, options: Parameters<typeof tryRequest>[1] = { method: 'POST', body }) {
  return Promise.all(Array.from({ length: count }, () => tryRequest(port, options)));
}

describe('failover before the first byte of the answer', () => {
  it('a primary that reads the request and resets: 0 of 20 requests fail, each body reaches the backup whole', async () => {
    const primary = await faultyUpstream('reset');
    const backup = await countingUpstream('backup');
    const amb = await ambassador(testConfig([address(primary.port), address(backup.port)]));

    const answers = await sendAll(amb.proxy.port);

    expect(failures(answers, 'backup')).toEqual([]);
    expect(answers.map((a) => ('body' in a ? JSON.parse(a.body).bodyBytes : a))).toEqual(Array(N).fill(body.length));
    // Each connection tries each upstream at most once: no request reached the primary twice, nor the backup.
    expect(primary.hits()).toBeGreaterThan(0);
    expect(primary.hits()).toBeLessThanOrEqual(N);
    expect(backup.hits()).toBe(N);
    expect(amb.pool.snapshot()[0]).toMatchObject({ state: 'down', lastError: expect.stringMatching(/^(ECONNRESET|EPIPE)$/) });
  });

  it('a primary that accepts and closes at once: 0 of 20 requests get an empty reply', async () => {
    const primary = await faultyUpstream('close');
    const backup = await countingUpstream('backup');
    const amb = await ambassador(testConfig([address(primary.port), address(backup.port)]));

    const answers = await sendAll(amb.proxy.port);

    expect(failures(answers, 'backup')).toEqual([]);
    expect(primary.hits()).toBeGreaterThan(0);
    // Closed before or while the request went out: seen as a FIN, or as a reset.
    expect(amb.pool.snapshot()[0]).toMatchObject({
      state: 'down',
      lastError: expect.stringMatching(/^(closed before answering|ECONNRESET|EPIPE)$/),
    });
  });

  it('a primary that reads the request and never answers: 0 of 20 fail, after FIRST_BYTE_TIMEOUT_MS', async () => {
    const primary = await faultyUpstream('hang');
    const backup = await countingUpstream('backup');
    const amb = await ambassador(testConfig([address(primary.port), address(backup.port)], { firstByteTimeoutMs: 1000 }));

    // The client gives up after 4 s (as the app does after UPSTREAM_TIMEOUT_MS); the idle timeout is 5 s.
    const answers = await sendAll(amb.proxy.port);

    expect(failures(answers, 'backup')).toEqual([]);
    expect(primary.hits()).toBeGreaterThan(0);
    expect(primary.hits()).toBeLessThanOrEqual(N);
    expect(backup.hits()).toBe(N);
    expect(amb.pool.snapshot()[0]).toMatchObject({ state: 'down', lastError: 'no answer within 1000ms' });
  });

  it('replays a half-closed request: the bytes and the FIN reach the backup', async () => {
    const primary = await faultyUpstream('reset');
    // Answers only once the client has finished sending.
    const backup = net.createServer({ allowHalfOpen: true }, (socket) => {
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      socket.on('end', () => socket.end(`backup got ${received}`));
    });
    const amb = await ambassador(testConfig([address(primary.port), address(await listen(backup))]));

    const client = net.connect({ host: '127.0.0.1', port: amb.proxy.port, allowHalfOpen: true });
    client.end('ping');
    let answer = '';
    client.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    await new Promise((resolve) => client.on('end', resolve));
    client.destroy();

    expect(answer).toBe('backup got ping');
    expect(primary.hits()).toBe(1);
  });

  it('never replays an answer already begun: the client sees the break, the backup gets 0 requests', async () => {
    const primary = await faultyUpstream('partial-then-reset');
    const backup = await countingUpstream('backup');
    const amb = await ambassador(testConfig([address(primary.port), address(backup.port)]));

    const answers = await sendAll(amb.proxy.port, 10, {});

    expect(answers.filter((a) => 'error' in a)).toHaveLength(10);
    expect(primary.hits()).toBe(10);
    expect(backup.hits()).toBe(0);
  });

  it('does not retry a request longer than REPLAY_BUFFER_BYTES, answers 502 and says why in a log line', async () => {
    // Resets once 32 KiB arrived: by then more than the 1 KiB cap has gone by.
    const primary = net.createServer((socket) => {
      let bytes = 0;
      socket.on('error', () => {});
      socket.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes >= 32 * 1024) socket.resetAndDestroy();
      });
    });
    const primaryPort = await listen(primary);
    const backup = await countingUpstream('backup');
    const amb = await ambassador(testConfig([address(primaryPort), address(backup.port)], { replayBufferBytes: 1024 }));

    const answer = await request(amb.proxy.port, '/', { method: 'POST', body: 'y'.repeat(64 * 1024) });

    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).attempts).toEqual([
      {
        upstream: address(primaryPort).label,
        error: expect.stringMatching(/not retried: the request is longer than REPLAY_BUFFER_BYTES \(1024\)$/),
      },
    ]);
    expect(backup.hits()).toBe(0);
    expect(amb.events).toContainEqual(
      expect.objectContaining({ level: 'warn', event: 'not_retried', upstream: address(primaryPort).label, replayBufferBytes: 1024 }),
    );
  });

  it('takes no upstream down for a client that connects and closes without a byte (a port probe), 20 times', async () => {
    // An HTTP server: closes a connection that ended without a request, as most do.
    const primary = await countingUpstream('primary');
    const backupConnections = { count: 0 };
    const backup = net.createServer((socket) => {
      backupConnections.count += 1;
      socket.destroy();
    });
    const amb = await ambassador(testConfig([address(primary.port), address(await listen(backup))]));

    for (let i = 0; i < 20; i++) {
      const probe = net.connect({ host: '127.0.0.1', port: amb.proxy.port, allowHalfOpen: true });
      probe.on('error', () => {});
      probe.resume(); // reads whatever comes (nothing should), so the close is seen
      probe.end();
      await new Promise((resolve) => probe.on('close', resolve));
    }

    expect(amb.pool.snapshot()[0]!.state).not.toBe('down');
    expect(amb.events.filter((e) => e.event === 'upstream_down')).toEqual([]);
    expect(backupConnections.count).toBe(0);
    expect(JSON.parse((await request(amb.proxy.port)).body).upstream).toBe('primary');
  });
});
