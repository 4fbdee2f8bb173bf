import type { FileHandle } from 'node:fs/promises';

/**
 * Run between two batches, with no write under way: may replace the file (a checkpoint).
 * Gets the file and its size; returns the file to go on with, and its size.
 */
export type BetweenBatches = (file: FileHandle, size: number) => Promise<{ file: FileHandle; size: number }>;

/**
 * An append-only file whose appends resolve only once they are on disk (written and
 * fdatasync'ed). Appends that arrive while one write+sync is under way wait and go together
 * in the next ("group commit", as PostgreSQL and MySQL do): eight clients cost about one sync
 * per round instead of eight, and the order of appends is kept.
 *
 * After a failed write or sync the file takes nothing more. What reached the disk is then
 * unknown (after a failed fsync Linux may already have dropped the dirty pages, so a retry
 * can "succeed" without the data), and the only safe way on is a restart that replays the
 * journal: PostgreSQL does the same (it PANICs).
 */
export class GroupCommitFile {
  private queue: { bytes: Buffer; onDisk: () => void; settle: (err?: Error) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(
    private file: FileHandle,
    private size: number,
    private readonly betweenBatches: BetweenBatches,
    private readonly onFailure: (err: Error) => void,
  ) {}

  /** Resolves once `text` is on disk, right after calling `onDisk`; rejects if it may not be. */
  append(text: string, onDisk: () => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes: Buffer.from(text), onDisk, settle: (err) => (err ? reject(err) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0 && !this.failure) {
      const batch = this.queue.splice(0);
      try {
        const bytes = Buffer.concat(batch.map((entry) => entry.bytes));
        await writeAll(this.file, bytes);
        await this.file.datasync();
        this.size += bytes.length;
        for (const entry of batch) {
          entry.onDisk();
          entry.settle();
        }
        ({ file: this.file, size: this.size } = await this.betweenBatches(this.file, this.size));
      } catch (err) {
        this.failure = new Error(`journal write failed: ${(err as Error).message}`);
        for (const entry of [...batch, ...this.queue.splice(0)]) entry.settle(this.failure);
        this.onFailure(this.failure);
      }
    }
    this.flushing = undefined;
  }

  /** Waits for the appends under way, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.file.close();
  }
}

/** write() may take part of a buffer (a full disk, a file size limit): write the rest, or fail. */
async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
