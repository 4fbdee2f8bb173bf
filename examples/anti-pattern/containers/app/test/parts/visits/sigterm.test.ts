import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../../../test-support/bundled-process';
import { partsTestEnv, request, tempDir, waitFor } from '../../helpers';
import { brokenDb } from './fake-db';

const ENTRY = new URL('../../../src/index.ts', import.meta.url);

/** Starts the built app with its database at `dbUrl`, and a request in flight to it. */
async function appWithCallInFlight(dbUrl: string, env: Record<string, string>) {
  const app = await startBundled(ENTRY, {
    PORT: '0',
    SERVICE_NAME: 'demo',
    ...(await partsTestEnv(tempDir())),
    DB_URL: dbUrl,
    ...env,
  });
  const { port, db } = (await app.waitFor('listening')) as { port: number; db: string };
  expect(db).toBe(dbUrl);
  const answer = request(port, '/visits', 'POST').then(
    (a) => a,
    (err: Error) => err.message,
  );
  return { app, answer };
}

describe('the built app on SIGTERM, while a call to the database hangs', () => {
  it('cuts that request at SHUTDOWN_DRAIN_MS, long before DB_TIMEOUT_MS, and exits 0 leaving no call open', async () => {
    const hung = await brokenDb(() => {});
    const { app, answer } = await appWithCallInFlight(hung.url, { SHUTDOWN_DRAIN_MS: '500', DB_TIMEOUT_MS: '600000' });
    try {
      await waitFor(() => hung.received.length === 1);
      const signalled = Date.now();
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      // The drain limit (0.5 s) ended it, not the 10-minute database timeout: any machine does this in well under a minute.
      expect(Date.now() - signalled).toBeLessThan(60_000);
      expect(await answer).toBe('socket hang up');
      expect(app.lines.map((line) => line.event)).toEqual(['listening', 'draining', 'stopped']);
      await waitFor(() => hung.openConnections() === 0);
    } finally {
      app.child.kill('SIGKILL');
      await hung.close();
    }
  });

  it('answers 503 database unavailable at DB_TIMEOUT_MS when that comes first, then exits 0', async () => {
    const hung = await brokenDb(() => {});
    const { app, answer } = await appWithCallInFlight(hung.url, { SHUTDOWN_DRAIN_MS: '30000', DB_TIMEOUT_MS: '300' });
    try {
      await waitFor(() => hung.received.length === 1);
      app.child.kill('SIGTERM');
      expect(await answer).toMatchObject({ status: 503, json: { error: 'database unavailable' } });
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      await hung.close();
    }
  });
});
