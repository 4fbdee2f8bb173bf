import { closeSync, fstatSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line of the access log, as the log-shipper sidecar reads it. */
export interface AccessLogEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Present when the client went away before the answer was complete. */
  aborted?: true;
}

/**
 * Appends one JSON line per request to a file, rotating by size: when the next line would
 * make the file larger than `maxBytes`, it is renamed to `<path>.1` (replacing the older
 * one) and a fresh file is started. The shipper follows that rename.
 */
export class AccessLog {
  private fd = -1;
  private size = 0;

  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.open();
  }

  write(entry: AccessLogEntry): void {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    // A line longer than maxBytes still gets written, alone in a fresh file.
    if (this.size > 0 && this.size + line.length > this.maxBytes) this.rotate();
    // Synchronous, so every line is on disk before the process can exit.
    let written = 0;
    while (written < line.length) written += writeSync(this.fd, line, written);
    this.size += line.length;
  }

  close(): void {
    if (this.fd === -1) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  private open(): void {
    // 'a' is O_APPEND: every write lands at the end, whatever else has the file open.
    this.fd = openSync(this.path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    renameSync(this.path, `${this.path}.1`);
    this.open();
  }
}
