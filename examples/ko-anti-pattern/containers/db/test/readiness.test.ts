import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../src/store';
import { request, startDb, tempDir } from './helpers';

const RECORDS = 200_000;

describe('the db while it replays a long journal', () => {
  it('answers /healthz, says 503 on /readyz, and never answers a write from a half-read journal', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'journal.log'), Array.from({ length: RECORDS }, (_, i) => encodeRecord('visits', i + 1)).join(''));
    const db = await startDb(dataDir);
    const answers: { readyz: number; healthz: number; write: number; value?: number }[] = [];
    // Probe and write as fast as answers come until a write is accepted: counted, not timed.
    while (!answers.some((answer) => answer.write === 200)) {
      const [readyz, healthz, write] = await Promise.all([
        request(db.port, 'GET', '/readyz'),
        request(db.port, 'GET', '/healthz'),
        request(db.port, 'POST', '/counters/visits'),
      ]);
      answers.push({ readyz: readyz.status, healthz: healthz.status, write: write.status, value: write.json.value });
    }
    expect(answers.every((answer) => answer.healthz === 200)).toBe(true);
    expect(answers.every((answer) => answer.write === 200 || answer.write === 503)).toBe(true);
    // The first write taken comes after every replayed one: none was answered from a half-read journal.
    expect(answers.at(-1)?.value).toBe(RECORDS + 1);
    expect(await db.waitFor('ready')).toMatchObject({ records: RECORDS, counters: 1 });
  });
});
