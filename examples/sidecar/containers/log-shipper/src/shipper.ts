import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { batchFormatter } from './format-line';
import { OffsetStore } from './offset-store';
import { BatchBuffer } from './batch-buffer';
import { ChangeSignal } from './change-signal';

export interface ShipperOptions {
  logFile: string;
  offsetFile: string;
  /** How long to wait for more when there is nothing to read, if no change is signalled first. */
  pollIntervalMs: number;
  shutdownQuietMs: number;
  /**
   * Takes a batch of output lines (each ending in "\n"); resolves once it has taken them.
   * The shipper then reuses the buffer: copy it to keep it.
   */
  write: (chunk: Buffer) => Promise<void> | void;
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
  /** Bytes after the last newline (a line still being written), kept at the front of the batch's input. */
  pending: number;
}

const NEWLINE = 0x0a;
/**
 * Read at a time: few reads, writes and offset saves, and bounded memory. Also the longest
 * line held whole: a longer "line" is shipped in pieces, so a runaway line cannot eat the memory.
 */
const INPUT_BYTES = 1024 * 1024;
/**
 * Output room: any one line must fit, and a malformed line can grow 6x when wrapped as a
 * JSON string (a control character becomes \u0000); the usual line grows by the prefix only.
 */
const OUTPUT_BYTES = 6 * INPUT_BYTES + 64 * 1024;
/** Written once this much output is ready, so a batch stays about the size of its input. */
const FLUSH_BYTES = INPUT_BYTES;

/**
 * Follows a log file like `tail -F` and ships each line exactly once: across rotation by
 * rename (finishes the old file, then starts the new one at 0), truncation (starts again
 * at 0) and restarts (resumes at the saved offset). Woken by fs.watch where it works,
 * and polls too, as fs.watch misses changes on network and some shared volumes.
 *
 * File access is synchronous on purpose: local reads are fast, this process has nothing
 * else to do meanwhile, and it keeps the steps in plain order. Only output and idle
 * waiting are asynchronous.
 */
export class Shipper {
  private readonly batch = new BatchBuffer(INPUT_BYTES, OUTPUT_BYTES, FLUSH_BYTES);
  private readonly format: ReturnType<typeof batchFormatter>;
  private readonly offsets: OffsetStore;
  private readonly log: NonNullable<ShipperOptions['log']>;
  private readonly now: () => number;
  private file?: OpenFile;
  private changes?: ChangeSignal;
  private stopRequested = false;
  private lastActivity = 0;
  private running?: Promise<void>;

  constructor(private readonly options: ShipperOptions) {
    this.offsets = new OffsetStore(options.offsetFile);
    this.format = batchFormatter(basename(options.logFile));
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
    this.changes?.notify(); // look again now, not after a whole poll interval
    return this.start();
  }

  private async run(): Promise<void> {
    const changes = new ChangeSignal(dirname(this.options.logFile), (err) =>
      this.log('warn', 'cannot watch the log folder, polling only', { error: err.message }),
    );
    this.changes = changes;
    this.resume();
    for (;;) {
      const progressed = this.file
        ? (await this.readBatch()) > 0 || (await this.followFileChanges())
        : this.openLogFile();
      if (progressed) {
        this.lastActivity = this.now();
        continue; // no sleeping while there is data
      }
      const poll = this.options.pollIntervalMs;
      if (!this.stopRequested) {
        await changes.wait(poll);
        continue;
      }
      const quietLeft = this.options.shutdownQuietMs - (this.now() - this.lastActivity);
      if (quietLeft <= 0) break;
      await changes.wait(Math.min(poll, quietLeft)); // look again when the quiet period would end
    }
    changes.close();
    await this.closeFile();
    this.offsets.close();
    this.log('info', 'stopped');
  }

  /** Picks up where the last run stopped: in the log file, or in its rotated copy. */
  private resume(): void {
    const saved = this.offsets.load();
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
    this.file = { path, fd, inode, offset, pending: 0 };
    this.log('info', 'following', { path, inode, offset });
  }

  /**
   * Reads what is there, up to INPUT_BYTES, and ships its complete lines (one write and one
   * offset save, unless the output fills up). Returns the bytes read: 0 at the end.
   */
  private async readBatch(): Promise<number> {
    const file = this.file!;
    const input = this.batch.input;
    const n = readSync(file.fd, input, file.pending, input.length - file.pending, file.offset + file.pending);
    if (n === 0) return 0;
    const filled = file.pending + n;
    let end = input.lastIndexOf(NEWLINE, filled - 1) + 1; // 0 when no line is complete yet
    // A runaway line is shipped in pieces rather than held in memory.
    if (end === 0 && filled === input.length) end = filled;
    await this.shipLines(end);
    this.batch.keepInput(end, filled);
    file.pending = filled - end;
    return n;
  }

  /** Formats and ships the lines in the batch's input up to `end`. */
  private async shipLines(end: number): Promise<void> {
    let start = 0;
    while (start < end) {
      const stopped = this.format(this.batch, start, end);
      if (stopped === start && this.batch.length === 0) throw new Error('a line does not fit the output buffer');
      await this.ship(stopped - start);
      start = stopped;
    }
  }

  /** Writes the formatted lines, then records that `bytes` more of the file are done. */
  private async ship(bytes: number): Promise<void> {
    if (this.batch.length > 0) {
      await this.options.write(this.batch.output());
      this.batch.clear();
    }
    const file = this.file!;
    file.offset += bytes;
    this.offsets.save({ inode: file.inode, offset: file.offset });
  }

  /** Ships the unfinished last line as it is: at shutdown, or when a rotated file ends without one. */
  private async shipPartial(): Promise<void> {
    const file = this.file!;
    const end = file.pending;
    if (end === 0) return;
    file.pending = 0;
    await this.shipLines(end);
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
    if (current.size < file.offset + file.pending) {
      // Truncated in place (copytruncate): the old content is gone, start again at 0.
      await this.shipPartial();
      file.offset = 0;
      this.offsets.save({ inode: file.inode, offset: 0 });
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
