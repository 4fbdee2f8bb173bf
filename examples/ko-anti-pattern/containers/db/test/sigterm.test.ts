import { describe, expect, it } from 'vitest';
import { request, startDb, tempDir, writeUntil } from './helpers';

describe('the db on SIGTERM under load', () => {
  it('answers every increment it took, syncs them, exits 0, and the restart has exactly those', async () => {
    const dataDir = tempDir();
    const db = await startDb(dataDir);
    await db.waitFor('ready');
    let signalled = false;
    const tally = await writeUntil(db.port, 'visits', 8, (seen) => {
      if (!signalled && seen.acknowledged.length >= 200) {
        signalled = true;
        db.child.kill('SIGTERM');
      }
      return true;
    });
    expect(await db.exited).toBe(0);
    expect(db.lines.map((line) => line.event)).toEqual(['listening', 'ready', 'draining', 'stopped']);

    const again = await startDb(dataDir);
    await again.waitFor('ready');
    const { value } = (await request(again.port, 'GET', '/counters/visits')).json;
    // A drained stop answers what it took: nothing is applied unanswered, nothing answered is lost.
    expect(tally.acknowledged.length).toBeGreaterThanOrEqual(200);
    expect(value).toBe(tally.acknowledged.length);
    expect([...tally.acknowledged].sort((a, b) => a - b)).toEqual(Array.from({ length: value }, (_, i) => i + 1));
  });

  it('exits 0 at once with an idle keep-alive connection open', async () => {
    const db = await startDb(tempDir(), { SHUTDOWN_DRAIN_MS: '30000' });
    await db.waitFor('ready');
    const answer = await fetch(`http://127.0.0.1:${db.port}/counters/visits`, { method: 'POST' }); // fetch keeps the connection alive
    expect(answer.status).toBe(200);
    await answer.json();
    db.child.kill('SIGTERM');
    // Were the idle connection waited for, this would hit the 30 s drain bound and the test timeout.
    expect(await db.exited).toBe(0);
  });
});
