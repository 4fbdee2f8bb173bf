import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lineFormatter } from './format-line';
import { loadOffset, saveOffset } from './offset-store';

export interface ShipperOptions {
  logFile: string;
  offsetFile: string;
  pollIntervalMs: number;
  shutdownQuietMs: number;
  /** Takes a batch of output lines (each ending in "\n"); resolves when it can take more. */
  write: (chunk: string) => Promise<void> | void;
  /** Bytes read at a time. */
  chunkBytes?: number;
  /** Diagnostics (following, rotated, truncated...); silent by default. */
  log?: (level: 'info' | 'warn', event: string, fields?: Record<string, unknown>) => void;
  /** Clock in milliseconds, for the quiet period after stop(). */
  now?: () => number;
}

/** The file being read. `offset` is where the next unshipped line starts. */
interface OpenFile {
  path: string;
  fd: number;
  inode: number;
  offset: number;
  /** Bytes after the last newline: a line still being written. */
  partial: Buffer;
}

const NEWLINE = 0x0a;
const EMPTY = Buffer.alloc(0);
/** A "line" longer than this is shipped in pieces, so one runaway line cannot eat the memory. */
const MAX_LINE_BYTES = 1024 * 1024;
/** Read (and write) about this much at a time: few writes and offset saves, bounded memory. */
const BATCH_BYTES = 1024 * 1024;

/**
 * Follows a log file like `tail -F` and ships each line exactly once: across rotation by
 * rename (finishes the old file, then starts the new one at 0), truncation (starts again
 * at 0) and restarts (resumes at the saved offset). Polls rather than using fs.watch,
 * which misses changes on shared and network volumes.
 *
 * File access is synchronous on purpose: local reads are fast, this process has nothing
 * else to do meanwhile, and it keeps the steps in plain order. Only output and idle
 * waiting are asynchronous.
 */
export class Shipper {
  private readonly buffer: Buffer;
  private readonly format: (line: string) => string | undefined;
  private readonly log: NonNullable<ShipperOptions['log']>;
  private readonly now: () => number;
  private file?: OpenFile;
  private stopRequested = false;
  private lastActivity = 0;
  private running?: Promise<void>;

  constructor(private readonly options: ShipperOptions) {
    this.buffer = Buffer.alloc(options.chunkBytes ?? 64 * 1024);
    this.format = lineFormatter(basename(options.logFile));
    this.log = options.log ?? (() => {});
    this.now = options.now ?? Date.now;
  }

  /** Starts following; resolves once stopped and everything is shipped. */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** Keeps shipping until the file has been quiet for shutdownQuietMs, then finishes. */
  stop(): Promise<void> {
    this.stopRequested = true;
    // Quiet counts from now: the app may still be writing as it drains.
    this.lastActivity = this.now();
    return this.start();
  }

  private async run(): Promise<void> {
    this.resume();
    for (;;) {
      const progressed = this.file
        ? (await this.readBatch()) > 0 || (await this.followFileChanges())
        : this.openLogFile();
      if (progressed) {
        this.lastActivity = this.now();
        continue; // no sleeping while there is data
      }
      if (this.stopRequested && this.now() - this.lastActivity >= this.options.shutdownQuietMs) break;
      await sleep(this.options.pollIntervalMs);
    }
    await this.closeFile();
    this.log('info', 'stopped');
  }

  /** Picks up where the last run stopped: in the log file, or in its rotated copy. */
  private resume(): void {
    const saved = loadOffset(this.options.offsetFile);
    if (!saved) return;
    // The file may have been rotated to .1 while we were down: then finish that one first.
    for (const path of [this.options.logFile, `${this.options.logFile}.1`]) {
      const fd = openIfExists(path);
      if (fd === undefined) continue;
      const { ino, size } = fstatSync(fd);
      if (ino === saved.inode) {
        this.adopt(path, fd, ino, saved.offset <= size ? saved.offset : 0);
        return;
      }
      closeSync(fd);
    }
    this.log('warn', 'saved offset matches no file, starting at the beginning', { ...saved });
  }

  private openLogFile(): boolean {
    const fd = openIfExists(this.options.logFile);
    if (fd === undefined) return false; // not created yet: wait for it
    this.adopt(this.options.logFile, fd, fstatSync(fd).ino, 0);
    return true;
  }

  private adopt(path: string, fd: number, inode: number, offset: number): void {
    this.file = { path, fd, inode, offset, partial: EMPTY };
    this.log('info', 'following', { path, inode, offset });
  }

  /**
   * Reads what is there, chunk by chunk up to about BATCH_BYTES in or out, and ships its
   * complete lines as one write and one offset save. Returns the bytes read: 0 at the end.
   */
  private async readBatch(): Promise<number> {
    const file = this.file!;
    const out: string[] = [];
    let bytesRead = 0;
    let outLength = 0;
    let complete = 0; // bytes of the complete lines read in this batch
    while (bytesRead < BATCH_BYTES && outLength < BATCH_BYTES) {
      const position = file.offset + complete + file.partial.length;
      const n = readSync(file.fd, this.buffer, 0, this.buffer.length, position);
      if (n === 0) break;
      bytesRead += n;
      const data = Buffer.concat([file.partial, this.buffer.subarray(0, n)]);
      let end = data.lastIndexOf(NEWLINE) + 1; // 0 when no line is complete yet
      // A runaway line is shipped in pieces rather than held in memory.
      if (end === 0 && data.length > MAX_LINE_BYTES) end = data.length;
      // A newline byte never occurs inside a UTF-8 character, so decoding up to it is safe.
      outLength += this.formatLines(data.toString('utf8', 0, end), out);
      complete += end;
      file.partial = data.subarray(end);
    }
    if (complete > 0) await this.ship(out, complete);
    return bytesRead;
  }

  /** Formats each line of `text` into `out`; returns the length added. */
  private formatLines(text: string, out: string[]): number {
    let length = 0;
    for (const line of text.split('\n')) {
      const formatted = this.format(line);
      if (formatted === undefined) continue;
      out.push(formatted);
      length += formatted.length + 1;
    }
    return length;
  }

  /** Writes the lines as one batch, then records that `bytes` more of the file are done. */
  private async ship(lines: string[], bytes: number): Promise<void> {
    if (lines.length > 0) await this.options.write(`${lines.join('\n')}\n`);
    const file = this.file!;
    file.offset += bytes;
    saveOffset(this.options.offsetFile, { inode: file.inode, offset: file.offset });
  }

  /** Ships the unfinished last line as it is: at shutdown, or when a rotated file ends without one. */
  private async shipPartial(): Promise<void> {
    const file = this.file!;
    const rest = file.partial;
    if (rest.length === 0) return;
    file.partial = EMPTY;
    const out: string[] = [];
    this.formatLines(rest.toString('utf8'), out);
    await this.ship(out, rest.length);
  }

  /** At the end of the file: was it rotated away or truncated? Returns true if so. */
  private async followFileChanges(): Promise<boolean> {
    const file = this.file!;
    const current = statIfExists(this.options.logFile);
    // Renamed away and the new file not there yet: keep the old one.
    if (!current) return false;
    if (current.ino !== file.inode) {
      // Rotated: lines may have landed in the old file after our last read, so finish it first.
      while ((await this.readBatch()) > 0);
      this.log('info', 'rotated', { from: file.path, inode: file.inode });
      // Looked for while the old file is still open, so its inode cannot be reused meanwhile.
      const skipped = this.openSkippedFile(file);
      await this.closeFile();
      if (skipped) this.adopt(skipped.path, skipped.fd, skipped.inode, 0);
      return true; // the next turn opens the new file at 0
    }
    if (current.size < file.offset + file.partial.length) {
      // Truncated in place (copytruncate): the old content is gone, start again at 0.
      await this.shipPartial();
      file.offset = 0;
      saveOffset(this.options.offsetFile, { inode: file.inode, offset: 0 });
      this.log('info', 'truncated', { path: file.path });
      return true;
    }
    return false;
  }

  /**
   * If the log rotated twice between two looks, the file in between is now `.1` and was
   * never read. Returns it, open, so it is shipped before the newest one. It is not the
   * old file itself, and was written after it (so not an older, already shipped one).
   */
  private openSkippedFile(old: OpenFile): { path: string; fd: number; inode: number } | undefined {
    const path = `${this.options.logFile}.1`;
    const fd = openIfExists(path);
    if (fd === undefined) return undefined;
    const candidate = fstatSync(fd);
    if (candidate.ino === old.inode || candidate.mtimeMs < fstatSync(old.fd).mtimeMs) {
      closeSync(fd);
      return undefined;
    }
    this.log('warn', 'the log rotated twice between two looks; shipping the file in between', { path, inode: candidate.ino });
    return { path, fd, inode: candidate.ino };
  }

  private async closeFile(): Promise<void> {
    if (!this.file) return;
    await this.shipPartial();
    closeSync(this.file.fd);
    this.file = undefined;
  }
}

function openIfExists(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function statIfExists(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
