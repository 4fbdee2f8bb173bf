/**
 * Writes one batch while the shipper formats the next, instead of formatting, then waiting
 * for the reader of stdout to drain the batch, then formatting again (the reader idle in one
 * half, the shipper in the other). Still at most one batch in flight, and each batch's
 * `written` (which saves its position) runs only after `write` has taken it, in order: what
 * a SIGKILL can repeat stays the one batch in flight.
 */
export class WriteBehind {
  private writing: Promise<void> = Promise.resolve();
  private inFlight = false;

  constructor(private readonly write: (chunk: Buffer) => Promise<void> | void) {}

  /** Resolves once the batch in flight (if any) is written and its `written` has run; rejects if that write failed. */
  ready(): Promise<void> {
    return this.writing;
  }

  /** Starts writing `chunk` (call once ready); `written` runs once it is taken. Leave `chunk` as it is until then. */
  start(chunk: Buffer, written: () => void): void {
    this.inFlight = true;
    this.writing = this.writeThen(chunk, written);
    this.writing.catch(() => {}); // reported by ready(): not an unhandled rejection meanwhile
  }

  /**
   * One turn of the event loop while a batch is in flight, between two slices of formatting:
   * through a stream (stdout-sink.ts's fallback) a batch bigger than the pipe goes out in
   * several writes, one per turn, and without turns the reader would wait until the whole
   * next batch is formatted. A write from the thread pool goes on meanwhile anyway.
   */
  async letItFlow(): Promise<void> {
    if (this.inFlight) await new Promise((resolve) => setImmediate(resolve));
  }

  private async writeThen(chunk: Buffer, written: () => void): Promise<void> {
    try {
      await this.write(chunk);
    } finally {
      this.inFlight = false;
    }
    written();
  }
}
