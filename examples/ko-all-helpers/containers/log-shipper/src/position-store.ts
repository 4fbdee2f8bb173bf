import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, readSync, writeSync } from 'node:fs';

/** How far the shipper got in one file, and how to find that file again. */
export interface SavedPosition {
  /** The file's fingerprint (see fingerprint.ts): survives renames and copies. */
  fileId: string;
  /** Device and inode where it was last read: tell it apart from a copy that is still whole. */
  dev: number;
  ino: number;
  /** Where the next unshipped line starts. */
  offset: number;
  /** The file's size when last seen: what is lost if it is gone on the next start. */
  size: number;
  /** Rotated and read to its end: nothing more will come. */
  done: boolean;
  /** True inside a line longer than MAX_LINE_BYTES: its beginning is shipped, the rest is skipped. */
  skippingLongLine: boolean;
}

/**
 * Room for one save. A position takes about 150 bytes and the shipper holds at most a few
 * dozen files (the app's rotated files, and as many deleted ones).
 */
const SLOT_BYTES = 64 * 1024;

/**
 * The positions of every file the shipper has not finished, in a small file on the volume
 * it shares with the app. The file has two slots, written in turn; each save is one
 * pwrite of `<json>\n<sha256 of json>\n` into the slot not holding the newest save. If the
 * process is killed halfway (or the kernel crashes before the page reaches the disk), the
 * torn slot fails its checksum and the other one, one save older, is used: the state is
 * always whole. No fsync: a SIGKILL loses nothing the kernel has accepted, and an emptyDir
 * does not outlive its node anyway. One pwrite is cheap enough for a save per batch
 * (a write-to-temp-and-rename cost half a millisecond here).
 */
export class PositionStore {
  private fd?: number;
  private sequence = 0;

  constructor(private readonly path: string) {}

  /** The newest whole save, or [] when there is none (first start, or both slots unreadable). */
  load(): SavedPosition[] {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      return [];
    }
    try {
      const slots = [0, 1].map((slot) => readSlot(fd, slot)).filter((save) => save !== undefined);
      const newest = slots.sort((a, b) => b.sequence - a.sequence)[0];
      this.sequence = newest?.sequence ?? 0;
      return newest?.positions ?? [];
    } finally {
      closeSync(fd);
    }
  }

  save(positions: SavedPosition[]): void {
    this.sequence += 1;
    const json = JSON.stringify({ sequence: this.sequence, positions });
    const record = Buffer.from(`${json}\n${checksum(json)}\n`);
    if (record.length > SLOT_BYTES) throw new Error(`the state of ${positions.length} files does not fit ${SLOT_BYTES} bytes`);
    // Not truncated on opening: the slot holding the last save stays whole.
    this.fd ??= openSync(this.path, constants.O_RDWR | constants.O_CREAT);
    writeSync(this.fd, record, 0, record.length, (this.sequence % 2) * SLOT_BYTES);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

function readSlot(fd: number, slot: number): { sequence: number; positions: SavedPosition[] } | undefined {
  const bytes = Buffer.alloc(SLOT_BYTES);
  const text = bytes.toString('utf8', 0, readSync(fd, bytes, 0, SLOT_BYTES, slot * SLOT_BYTES));
  // A longer save may have been there before: only the first two lines count.
  const [json, sum] = text.split('\n', 2);
  if (sum === undefined || checksum(json) !== sum) return undefined;
  try {
    const saved = JSON.parse(json) as { sequence: number; positions: SavedPosition[] };
    return Number.isSafeInteger(saved.sequence) && Array.isArray(saved.positions) && saved.positions.every(isPosition) ? saved : undefined;
  } catch {
    return undefined;
  }
}

function isPosition(p: SavedPosition): boolean {
  const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return (
    typeof p?.fileId === 'string' &&
    whole(p.dev) &&
    whole(p.ino) &&
    whole(p.offset) &&
    whole(p.size) &&
    typeof p.skippingLongLine === 'boolean' &&
    typeof p.done === 'boolean'
  );
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
