import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FinishedRequest } from '../../app-part';

/** One line of the access log, as the log-shipper sidecar reads it: the request as the server saw it. */
export type AccessLogEntry = FinishedRequest;

/**
 * Appends one JSON line per request to a file, rotating by size as logrotate does: when the
 * next line would make the file larger than `maxBytes`, `<path>.N` is deleted, each
 * `<path>.K` becomes `<path>.K+1`, the file becomes `<path>.1` and a fresh file is started.
 * The `keep` rotated files are what lets a shipper that was down or behind catch up.
 */
export class AccessLog {
  private fd = -1;
  private size = 0;

  constructor(
    readonly path: string,
    readonly maxBytes: number,
    /** The manifest sets it (ACCESS_LOG_ROTATED_FILES); 1 for tests that never rotate. */
    readonly keep = 1,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.open();
  }

  write(entry: AccessLogEntry): void {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    // A rotation that could not open its fresh file (no inode or descriptor left) left none open.
    if (this.fd === -1) this.open();
    // A line longer than maxBytes still gets written, alone in a fresh file.
    if (this.size > 0 && this.size + line.length > this.maxBytes) this.rotate();
    // Synchronous, so every line is on disk before the process can exit.
    let written = 0;
    try {
      while (written < line.length) written += writeSync(this.fd, line, written);
    } catch (err) {
      // A full disk may have taken part of the line: cut it off, or the next line would be glued
      // to it and neither would read as JSON. The shipper only reads up to a line's end.
      if (written > 0) ftruncateSync(this.fd, this.size);
      throw err;
    }
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
    if (this.keep === 0) rmSync(this.path, { force: true });
    else {
      rmSync(`${this.path}.${this.keep}`, { force: true });
      for (let k = this.keep - 1; k >= 1; k--) renameIfExists(`${this.path}.${k}`, `${this.path}.${k + 1}`);
      renameSync(this.path, `${this.path}.1`);
    }
    // The full file is rotated: if no fresh one can be opened now, the next write opens it.
    this.size = 0;
    this.open();
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
