import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../test-support/bundled-process';

const ENTRY = new URL('../src/index.ts', import.meta.url);

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
      await closed; // closed by the server after answering: no keep-alive once stopping
      return answer;
    },
  };
}

describe('upstream readiness', () => {
  it('answers /readyz 200 while serving and 503 once SIGTERM came, while /healthz stays 200', async () => {
    const proc = await startBundled(ENTRY, { PORT: '0', UPSTREAM_NAME: 'primary', SHUTDOWN_DRAIN_MS: '5000' });
    try {
      const { port } = (await proc.waitFor('listening')) as { port: number };
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      const readiness = await beginGet(port, '/readyz');
      const liveness = await beginGet(port, '/healthz');
      proc.child.kill('SIGTERM');
      await proc.waitFor('stopping');

      const notReady = await readiness.finish();
      expect(notReady).toMatch(/^HTTP\/1\.1 503 /);
      expect(notReady).toMatch(/connection: close/i);
      expect(notReady).toContain('{"status":"draining"}');
      expect(await liveness.finish()).toMatch(/^HTTP\/1\.1 200 /);
      expect(await proc.exited).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });
});
