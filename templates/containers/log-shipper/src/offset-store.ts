import { closeSync, constants, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';

/** How far the shipper got: the file (by inode, which survives a rename) and the byte offset. */
export interface SavedOffset {
  inode: number;
  offset: number;
}

/**
 * Every save is a record of this many bytes written over the last one at position 0, the
 * JSON padded with spaces: one pwrite on a file kept open, never a shorter record with a
 * stale tail. A process that dies mid-way cannot tear a write the kernel has accepted,
 * and a save per batch stays cheap (write-and-rename cost more than the reading).
 */
const RECORD_BYTES = 64;

/** The saved position of the shipper, in a small file on the volume it shares with the app. */
export class OffsetStore {
  private fd?: number;

  constructor(private readonly path: string) {}

  /** The saved position, or undefined when there is none (first start) or it is unreadable. */
  load(): SavedOffset | undefined {
    let saved: unknown;
    try {
      saved = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return undefined;
    }
    const { inode, offset } = (saved ?? {}) as Partial<SavedOffset>;
    if (!Number.isSafeInteger(inode) || !Number.isSafeInteger(offset) || (offset as number) < 0) return undefined;
    return { inode: inode as number, offset: offset as number };
  }

  save(saved: SavedOffset): void {
    // Two safe integers in JSON take at most 51 bytes, so the record always fits.
    const record = JSON.stringify({ inode: saved.inode, offset: saved.offset }).padEnd(RECORD_BYTES - 1) + '\n';
    if (this.fd === undefined) {
      // Not truncated on opening: the last record stays whole until this one replaces it.
      this.fd = openSync(this.path, constants.O_WRONLY | constants.O_CREAT);
      writeSync(this.fd, record, 0);
      ftruncateSync(this.fd, RECORD_BYTES);
      return;
    }
    writeSync(this.fd, record, 0);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
