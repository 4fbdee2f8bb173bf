import { describe, expect, it } from 'vitest';
import { request, startDb, tempDir, writeUntil } from './helpers';

const WRITERS = 8;
const ROUNDS = 3;
/** Acknowledged increments per round before the kill: enough to be mid-load, counted not timed. */
const ACKS_BEFORE_KILL = 150;

describe('the db killed with SIGKILL under load', () => {
  it.each([
    ['', {}, false],
    [', checkpointing all the while', { JOURNAL_MAX_BYTES: '1024' }, true],
  ])(
    'keeps every acknowledged increment, hands no value out twice, and invents none%s',
    async (_, env: Record<string, string>, checkpoints) => {
      const dataDir = tempDir();
      const acknowledged: number[] = [];
      let unacknowledged = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const db = await startDb(dataDir, env);
        await db.waitFor('ready');
        let killed = false;
        const tally = await writeUntil(db.port, 'visits', WRITERS, (seen) => {
          if (!killed && seen.acknowledged.length >= ACKS_BEFORE_KILL) {
            killed = true;
            db.child.kill('SIGKILL');
          }
          return true;
        });
        await db.exited;
        acknowledged.push(...tally.acknowledged);
        unacknowledged += tally.unacknowledged;
      }

      const db = await startDb(dataDir);
      const ready = await db.waitFor('ready');
      const { value } = (await request(db.port, 'GET', '/counters/visits')).json;
      // One record per increment, unless checkpoints rewrote the journal.
      expect((ready.records as number) < value).toBe(checkpoints);

      // Every value was handed out once: no acknowledged increment was lost and then re-used.
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      // Every acknowledged value is there after the restarts...
      expect(Math.max(...acknowledged)).toBeLessThanOrEqual(value);
      // ...and the count holds nothing but the acknowledged increments and those cut off in flight.
      expect(value).toBeGreaterThanOrEqual(acknowledged.length);
      expect(value).toBeLessThanOrEqual(acknowledged.length + unacknowledged);
      expect(unacknowledged).toBeLessThanOrEqual(ROUNDS * WRITERS);
    },
  );
});
