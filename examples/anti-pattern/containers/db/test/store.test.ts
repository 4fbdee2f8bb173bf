import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CounterLimitError, CounterStore, encodeRecord, JOURNAL_FILE } from '../src/store';
import { tempDir } from './helpers';

const neverFails = (err: Error) => {
  throw err;
};

async function open(dir: string, maxCounters = 1000, maxJournalBytes = 1024 * 1024) {
  return CounterStore.open(dir, { maxCounters, maxJournalBytes }, neverFails);
}

function journalLines(dir: string): string[] {
  return readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n').filter(Boolean);
}

describe('the counter store', () => {
  it('gives 200 concurrent increments of one counter the values 1 to 200, each written once', async () => {
    const dir = tempDir();
    const [store] = await open(dir);
    const values = await Promise.all(Array.from({ length: 200 }, () => store.increment('visits')));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(journalLines(dir)).toHaveLength(200);
    await store.close();

    const [again, report] = await open(dir);
    expect(again.get('visits')).toBe(200);
    expect(report).toEqual({ records: 200, counters: 1, droppedBytes: 0 });
    await again.close();
  });

  it('replays each counter to its last value and answers 0 for one never written', async () => {
    const dir = tempDir();
    const [store] = await open(dir);
    for (const name of ['a', 'b', 'a', 'c', 'a']) await store.increment(name);
    await store.close();
    const [again] = await open(dir);
    expect([again.get('a'), again.get('b'), again.get('c'), again.get('never')]).toEqual([3, 1, 1, 0]);
    expect(again.count).toBe(3);
    await again.close();
  });

  it('drops a torn last record (half a line), cuts the file there, and appends cleanly after it', async () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    const good = [1, 2, 3].map((value) => encodeRecord('visits', value)).join('');
    const torn = encodeRecord('visits', 4).slice(0, 20);
    writeFileSync(path, good + torn);

    const [store, report] = await open(dir);
    expect(report).toEqual({ records: 3, counters: 1, droppedBytes: Buffer.byteLength(torn) });
    expect(statSync(path).size).toBe(Buffer.byteLength(good));
    expect(store.get('visits')).toBe(3);
    expect(await store.increment('visits')).toBe(4);
    await store.close();

    const [again, second] = await open(dir);
    expect(second).toEqual({ records: 4, counters: 1, droppedBytes: 0 });
    expect(again.get('visits')).toBe(4);
    await again.close();
  });

  it.each([
    ['zero bytes a crash left at the end (a file grown, its data not yet written)', Buffer.alloc(4096)],
    ['a whole last line whose checksum does not match', Buffer.from(encodeRecord('visits', 4).replace('"value":4', '"value":9'))],
    ['a megabyte of garbage with no newline', Buffer.alloc(1024 * 1024, 'x')],
  ])('drops %s', async (_what, tail) => {
    const dir = tempDir();
    const good = encodeRecord('visits', 1) + encodeRecord('visits', 2);
    writeFileSync(join(dir, JOURNAL_FILE), Buffer.concat([Buffer.from(good), tail]));
    const [store, report] = await open(dir);
    expect(report.droppedBytes).toBe(tail.length);
    expect(store.get('visits')).toBe(2);
    expect(await store.increment('visits')).toBe(3);
    await store.close();
    expect(journalLines(dir)).toEqual([...good.split('\n').filter(Boolean), encodeRecord('visits', 3).trim()]);
  });

  it('refuses to start on a damaged record with good ones after it, and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    const records = [1, 2, 3, 4, 5].map((value) => encodeRecord('visits', value));
    const damaged = records[1].replace('"value":2', '"value":7'); // a flipped digit: the checksum no longer matches
    writeFileSync(path, [records[0], damaged, ...records.slice(2)].join(''));
    const before = readFileSync(path);

    const offset = Buffer.byteLength(records[0]);
    await expect(open(dir)).rejects.toThrow(`journal ${path} is damaged at byte ${offset} (line 2) and has good records after it`);
    await expect(open(dir)).rejects.toThrow(`truncate -s ${offset}`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a new name past MAX_COUNTERS, writes nothing for it, and keeps counting the names it has', async () => {
    const dir = tempDir();
    const [store] = await open(dir, 2);
    await store.increment('a');
    await store.increment('b');
    await expect(store.increment('c')).rejects.toBeInstanceOf(CounterLimitError);
    await expect(store.increment('c')).rejects.toThrow('limit of 2 counters (MAX_COUNTERS)');
    expect(await store.increment('a')).toBe(2);
    expect(store.count).toBe(2);
    await store.close();
    expect(journalLines(dir).some((line) => line.includes('"c"'))).toBe(false);
  });

  it('shows a reader only values already on disk', async () => {
    const dir = tempDir();
    const [store] = await open(dir);
    const written = store.increment('visits');
    expect(store.get('visits')).toBe(0); // taken, not yet synced
    expect(await written).toBe(1);
    expect(store.get('visits')).toBe(1);
    await store.close();
  });

  it('reads a journal written before, record by record, across its read chunks', async () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    // 20 000 records: about 700 kB, many 64 kB chunks, so records straddle chunk edges.
    for (let start = 1; start <= 20_000; start += 1000) {
      appendFileSync(path, Array.from({ length: 1000 }, (_, i) => encodeRecord(`c${(start + i) % 7}`, start + i)).join(''));
    }
    const [store, report] = await open(dir);
    expect(report).toEqual({ records: 20_000, counters: 7, droppedBytes: 0 });
    expect([store.get('c1'), store.get('c0')]).toEqual([20_000, 19_999]); // the last record of each name wins
    await store.close();
  });

  it('checkpoints a journal past JOURNAL_MAX_BYTES to one record per counter, and replays the same values', async () => {
    const dir = tempDir();
    const [store] = await open(dir, 1000, 1024);
    let largest = 0;
    for (let round = 0; round < 100; round++) {
      await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].flatMap((name) => [
          store.increment(name),
          store.increment(name),
          store.increment(name),
          store.increment(name),
        ]),
      );
      largest = Math.max(largest, statSync(join(dir, JOURNAL_FILE)).size);
    }
    await store.close();
    // 2000 records of ~35 bytes would be 70 kB; the journal never held more than the limit and a batch.
    expect(largest).toBeLessThan(1024 + 20 * 40);
    const [again, report] = await open(dir);
    expect(['a', 'b', 'c', 'd', 'e'].map((name) => again.get(name))).toEqual([400, 400, 400, 400, 400]);
    expect(report.records).toBeLessThan(30);
    await again.close();
  });

  it('drops a checkpoint a crash cut short, and keeps the journal it was to replace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, JOURNAL_FILE), encodeRecord('visits', 1) + encodeRecord('visits', 2));
    writeFileSync(join(dir, `${JOURNAL_FILE}.next`), encodeRecord('visits', 2).slice(0, 10));
    const [store] = await open(dir);
    expect(store.get('visits')).toBe(2);
    expect(existsSync(join(dir, `${JOURNAL_FILE}.next`))).toBe(false);
    await store.close();
  });
});
