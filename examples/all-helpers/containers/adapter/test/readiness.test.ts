import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { adapter, get } from './helpers';

/** Sends all of a GET but its last blank line: the request has begun, not ended. */
async function beginGet(port: number, path: string): Promise<{ finish(): Promise<string> }> {
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => socket.on('connect', resolve));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n`);
  await new Promise((resolve) => setTimeout(resolve, 100)); // the server has read it
  return {
    async finish() {
      socket.write('\r\n');
      await closed; // closed by the adapter after answering: no keep-alive once stopping
      return answer;
    },
  };
}

describe('adapter readiness', () => {
  it('answers /readyz 200 while serving, even with the app down, and 503 once stop has begun', async () => {
    const running = await adapter(1); // nothing listens on port 1: the app is down
    const ready = await get(running.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toBe('ready\n');

    const readiness = await beginGet(running.port, '/readyz');
    const liveness = await beginGet(running.port, '/healthz');
    const stopped = running.stop(2000);

    const notReady = await readiness.finish();
    expect(notReady).toMatch(/^HTTP\/1\.1 503 /);
    expect(notReady).toMatch(/connection: close/i);
    expect(notReady).toMatch(/\r\n\r\ndraining\n$/);
    expect(await liveness.finish()).toMatch(/^HTTP\/1\.1 200 /);
    await stopped;
  });
});
