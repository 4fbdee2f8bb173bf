import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../../../test-support/bundled-process';
import { partsTestEnv, request, tempDir } from '../../helpers';

const ENTRY = new URL('../../../src/index.ts', import.meta.url);

describe('the built app with its access log, on SIGTERM', () => {
  it('has every request it answered on disk, one line each, when it has exited', async () => {
    const env: Record<string, string> = { PORT: '0', SERVICE_NAME: 'demo', SHUTDOWN_DRAIN_MS: '5000', ...(await partsTestEnv(tempDir())) };
    const app = await startBundled(ENTRY, env);
    try {
      const { port, accessLog } = (await app.waitFor('listening')) as { port: number; accessLog: string };
      expect(accessLog).toBe(env.ACCESS_LOG);
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => request(port, `/?n=${i}`)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const lines = readFileSync(env.ACCESS_LOG!, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(50);
      expect(lines.every((line) => line.method === 'GET' && line.path === '/' && line.status === 200)).toBe(true);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('does not start without its variables, and says which', async () => {
    const env: Record<string, string> = { PORT: '0', SERVICE_NAME: 'demo', SHUTDOWN_DRAIN_MS: '5000', ...(await partsTestEnv(tempDir())) };
    delete env.ACCESS_LOG_MAX_BYTES;
    const app = await startBundled(ENTRY, env);
    expect(await app.exited).toBe(1);
    expect(app.lines).toEqual([
      expect.objectContaining({ event: 'failed', error: expect.stringMatching(/ACCESS_LOG_MAX_BYTES is not set/) }),
    ]);
  });
});
