import { existsSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { readLines } from './file-lines';
import { removeUnfinishedCheckpoint, rewriteJournal, syncFolder } from './checkpoint';
import { GroupCommitFile } from './group-commit';

/**
 * The database's heart: counters kept in memory, every increment appended to a journal
 * (a write-ahead log) and on disk before it is answered, and the journal replayed at start.
 *
 * A journal record is one line, `<crc32 of the JSON, 8 hex digits> {"name":"visits","value":7}`:
 * it holds the counter's new value, so replay is "the last record of a name wins", and the
 * file reads well with `tail`. The checksum tells a good record from a damaged one. Once the
 * journal passes JOURNAL_MAX_BYTES it is rewritten with one record per counter (a checkpoint).
 */
export const NAME = /^[a-z0-9-]{1,64}$/;
export const JOURNAL_FILE = 'journal.log';
/** No good record is longer: {"name":<64 chars>,"value":<16 digits>} and the checksum. */
const MAX_RECORD_BYTES = 128;

export class CounterLimitError extends Error {}

export interface StoreLimits {
  /** How many counter names the store keeps (MAX_COUNTERS). */
  maxCounters: number;
  /** Journal size past which a checkpoint rewrites it (JOURNAL_MAX_BYTES). */
  maxJournalBytes: number;
}

export interface ReplayReport {
  records: number;
  counters: number;
  /** Bytes of a torn last record, cut off the journal. */
  droppedBytes: number;
}

export class CounterStore {
  /** The value each counter was last given: the next increment takes the one after. */
  private readonly assigned = new Map<string, number>();
  /** The values on disk: what readers see, so no one sees a value a crash could take back. */
  private readonly durable = new Map<string, number>();

  private readonly journal: GroupCommitFile;
  private checkpointBytes = 0;

  private constructor(
    private readonly path: string,
    private readonly limits: StoreLimits,
    file: FileHandle,
    size: number,
    onFailure: (err: Error) => void,
  ) {
    this.journal = new GroupCommitFile(file, size, (current, currentSize) => this.checkpointIfLarge(current, currentSize), onFailure);
  }

  /** Replays DATA_DIR's journal, then opens it for appending. `onFailure`: the journal can take no more writes. */
  static async open(dataDir: string, limits: StoreLimits, onFailure: (err: Error) => void): Promise<[CounterStore, ReplayReport]> {
    const path = join(dataDir, JOURNAL_FILE);
    await removeUnfinishedCheckpoint(path);
    const created = !existsSync(path);
    const file = await open(path, 'a+').catch((err: Error) => {
      throw new Error(`DATA_DIR ${dataDir}: cannot open the journal: ${err.message}`);
    });
    try {
      if (created) await syncFolder(dataDir); // the new file's name must survive a crash too
      const { counters, report, size } = await replay(file, path);
      const store = new CounterStore(path, limits, file, size, onFailure);
      for (const [name, value] of counters) {
        store.assigned.set(name, value);
        store.durable.set(name, value);
      }
      return [store, report];
    } catch (err) {
      await file.close();
      throw err;
    }
  }

  get count(): number {
    return this.durable.size;
  }

  get(name: string): number {
    return this.durable.get(name) ?? 0;
  }

  /**
   * Adds 1 and resolves with the new value once it is on disk. The value is taken at once, so
   * concurrent increments of one counter get consecutive values, each written exactly once.
   */
  async increment(name: string): Promise<number> {
    if (!this.assigned.has(name) && this.assigned.size >= this.limits.maxCounters) {
      throw new CounterLimitError(`the store holds its limit of ${this.limits.maxCounters} counters (MAX_COUNTERS)`);
    }
    const value = (this.assigned.get(name) ?? 0) + 1;
    this.assigned.set(name, value);
    await this.journal.append(encodeRecord(name, value), () => this.durable.set(name, value));
    return value;
  }

  /**
   * Between two batches of writes: once the journal is past its limit (and twice the last
   * checkpoint, so a store of many counters does not rewrite after every batch), rewrite it
   * from the values on disk. Appends that arrive meanwhile wait, then go to the new journal.
   */
  private async checkpointIfLarge(file: FileHandle, size: number): Promise<{ file: FileHandle; size: number }> {
    if (size <= this.limits.maxJournalBytes || size <= 2 * this.checkpointBytes) return { file, size };
    const records = [...this.durable].map(([name, value]) => encodeRecord(name, value)).join('');
    const next = await rewriteJournal(this.path, records);
    await file.close();
    this.checkpointBytes = Buffer.byteLength(records);
    return { file: next, size: this.checkpointBytes };
  }

  /** Waits for the writes under way (each is answered after its sync), then closes the journal. */
  close(): Promise<void> {
    return this.journal.close();
  }
}

export function encodeRecord(name: string, value: number): string {
  const json = JSON.stringify({ name, value });
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function parseRecord(line: string): { name: string; value: number } | undefined {
  const match = /^([0-9a-f]{8}) (\{.*\})$/.exec(line);
  if (!match || crc32(match[2]) !== Number.parseInt(match[1], 16)) return undefined;
  try {
    const { name, value } = JSON.parse(match[2]);
    return typeof name === 'string' && NAME.test(name) && Number.isSafeInteger(value) && value > 0 ? { name, value } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads every record. A bad record with good ones after it is damage to data that was
 * acknowledged (records are appended and synced in order, so a crash can only tear the last
 * one): replay refuses, as PostgreSQL does, rather than drop the acknowledged writes after it.
 * Bad bytes at the very end are a write a crash cut short, never acknowledged: they are dropped.
 */
async function replay(file: FileHandle, path: string): Promise<{ counters: Map<string, number>; report: ReplayReport; size: number }> {
  const counters = new Map<string, number>();
  let records = 0;
  let goodEnd = 0;
  let firstBad: { start: number; lineNumber: number } | undefined;
  let lineNumber = 0;
  for await (const line of readLines(file, MAX_RECORD_BYTES)) {
    lineNumber += 1;
    const record = line.complete ? parseRecord(line.text) : undefined;
    if (!record) {
      firstBad ??= { start: line.start, lineNumber };
      continue;
    }
    if (firstBad) {
      throw new Error(
        `journal ${path} is damaged at byte ${firstBad.start} (line ${firstBad.lineNumber}) and has good records after it, ` +
          'so this is not a write cut short by a crash; refusing to start rather than lose acknowledged increments. ' +
          `Restore the file from a backup, or cut it at byte ${firstBad.start} (truncate -s ${firstBad.start}) if losing what follows is acceptable.`,
      );
    }
    counters.set(record.name, record.value);
    records += 1;
    goodEnd = line.end;
  }
  const { size } = await file.stat();
  if (size > goodEnd) {
    await file.truncate(goodEnd);
    await file.sync();
  }
  return { counters, report: { records, counters: counters.size, droppedBytes: size - goodEnd }, size: goodEnd };
}
