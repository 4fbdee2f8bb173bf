import { closeSync, fstatSync, readSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { BatchBuffer } from './batch-buffer';
import { ChangeSignal } from './change-signal';
import { readFirstLine, sameStart, startsWith } from './fingerprint';
import { truncatedRecord } from './format-line';
import { LastRun } from './last-run';
import { findLogFiles, isLogFileName, logFileNames } from './log-files';
import { PositionStore, type SavedPosition } from './position-store';
import { forget, identify, positionOf, resume, tracked, type TrackedFile } from './tracked-file';
import { WriteBehind } from './write-behind';

export interface ShipperOptions {
  logFile: string;
  /** How many rotated files the app keeps (`<logFile>.1` .. `.N`); also how many deleted ones the shipper may hold. */
  rotatedFiles: number;
  offsetFile: string;
  /** How long to wait for more when there is nothing to read, if no change is signalled first. */
  pollIntervalMs: number;
  shutdownQuietMs: number;
  /** The longest line shipped whole; a longer one is shipped as its beginning, marked truncated. */
  maxLineBytes: number;
  /**
   * Takes a batch of output lines (each ending in "\n"); resolves once it has taken them.
   * The shipper then reuses the buffer: copy it to keep it.
   */
  write: (chunk: Buffer) => Promise<void> | void;
  /** Diagnostics (following, rotated, truncated, lost...); silent by default. */
  log?: (level: 'info' | 'warn', event: string, fields?: Record<string, unknown>) => void;
  /** Clock in milliseconds, for the quiet period after stop(). */
  now?: () => number;
}

const NEWLINE = 0x0a;
/** How many times a look is repeated at once while files of the last run are still unaccounted for. */
const LOOKS_AGAIN_FOR_LAST_RUN = 10;
/** Input formatted between two turns of the event loop while a batch is in flight (about a pipe's worth of output, see write-behind.ts). */
const FORMAT_SLICE_BYTES = 64 * 1024;

/**
 * Follows a log and its rotated files and ships each line, oldest file first.
 *
 * The guarantee: a line is shipped at least once if it is still on disk when the shipper
 * looks, that is, unless the app rotates it away (past its ROTATED_FILES kept files) before
 * a running shipper has seen its file, or while no shipper runs. Once seen, a file is held
 * open, so even deleted it is read to its end (up to ROTATED_FILES such files). After a
 * SIGKILL at most the batch being written is shipped again (one read of one file, at most
 * MAX_LINE_BYTES of output), each repeated record with the same fileId and offset as the
 * first time: a consumer that keeps the (fileId, offset) pairs it has seen drops them.
 * After a SIGTERM nothing repeats. Lost lines are never silent: a warning on stderr says
 * which file and at least how many bytes, or that files rotated away while the shipper was
 * down may have left no trace. A line longer than MAX_LINE_BYTES is shipped once as its
 * beginning, marked `truncated: true`.
 *
 * - Files are known by a fingerprint of their first line plus device and inode
 *   (fingerprint.ts), and the shipper keeps the position of every file it has not finished
 *   (position-store.ts), saved only after stdout has taken the batch. So a restart picks up
 *   every rotated file still on disk where it stopped (last-run.ts), and a new file that
 *   got an old file's inode number starts at 0.
 * - Copytruncate: a copy of the file being read is held in reserve; when the file is
 *   truncated, the rest is read from the copy. Lines written between the copy and the
 *   truncation exist nowhere else and are lost, as with any copytruncate.
 *
 * Woken by fs.watch for the log's own files where it works, and polls too, as fs.watch
 * misses changes on network and some shared volumes. File access is synchronous on
 * purpose: local reads are fast and it keeps the steps in plain order; only output and
 * idle waiting are asynchronous. One batch is written while the next is formatted
 * (write-behind.ts), never two at once.
 */
export class Shipper {
  private readonly batch: BatchBuffer;
  private readonly positions: PositionStore;
  private readonly names: string[];
  private readonly source: string;
  private readonly log: NonNullable<ShipperOptions['log']>;
  private readonly now: () => number;
  /** Every file held open, oldest first. */
  private files: TrackedFile[] = [];
  /** Positions saved by the last run and not yet matched to a file. */
  private lastRun = new LastRun([]);
  private changes?: ChangeSignal;
  private stopRequested = false;
  private lastActivity = 0;
  private running?: Promise<void>;
  private readonly output = new WriteBehind((chunk) => this.write(chunk));

  constructor(private readonly options: ShipperOptions) {
    const { maxLineBytes } = options;
    // A malformed line can grow 6x when wrapped as a JSON string (a control character becomes \u0000).
    this.batch = new BatchBuffer(maxLineBytes, 6 * maxLineBytes + 64 * 1024, maxLineBytes);
    this.positions = new PositionStore(options.offsetFile);
    this.names = logFileNames(options.logFile, options.rotatedFiles);
    this.source = basename(options.logFile);
    this.log = options.log ?? (() => {});
    this.now = options.now ?? Date.now;
  }

  /** Starts following; resolves once stopped and everything is shipped. */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** Keeps shipping until the files have been quiet for shutdownQuietMs, then finishes. */
  stop(): Promise<void> {
    this.stopRequested = true;
    // Quiet counts from now: the app may still be writing as it drains.
    this.lastActivity = this.now();
    this.changes?.notify(); // look again now, not after a whole poll interval
    return this.start();
  }

  private async run(): Promise<void> {
    const changes = new ChangeSignal(dirname(this.options.logFile), isLogFileName(this.names), (err) =>
      this.log('warn', 'cannot watch the log folder, polling only', { error: err.message }),
    );
    this.changes = changes;
    this.lastRun = new LastRun(this.positions.load());
    this.look();
    for (;;) {
      const progressed = (await this.shipNextBatch()) || this.look();
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
    // The app has stopped: its unfinished last lines are shipped as they are.
    for (const file of this.readable()) while ((await this.readBatch(file, true)) > 0);
    await this.output.ready();
    changes.close();
    for (const file of this.files) closeSync(file.fd);
    this.positions.close();
    this.log('info', 'stopped');
  }

  /** The files to read, oldest first: all but copies held in reserve and finished ones. */
  private readable(): TrackedFile[] {
    return this.files.filter((file) => !file.copyOf && !file.done);
  }

  /** Ships one batch from the oldest file that has new lines. Returns true if it did. */
  private async shipNextBatch(): Promise<boolean> {
    for (const file of this.readable()) {
      const rotated = file.path !== this.options.logFile;
      if ((await this.readBatch(file, rotated)) > 0) return true;
      // Nothing new: the batch in flight is written (and its position saved) before anything
      // is decided about the file. A rotated file read to its end never grows again: on to the next one.
      await this.output.ready();
      if (rotated) file.done = true;
    }
    return false;
  }

  /**
   * Reads from where the file was last read and ships the complete lines (and, if `final`,
   * an unfinished last one). Returns how many bytes of the file it took: 0 if none. Returns
   * with the last of them still being written (see write-behind.ts), so that the next read
   * and its formatting overlap that write; `file.offset` moves once each write is done.
   */
  private async readBatch(file: TrackedFile, final: boolean): Promise<number> {
    const input = this.batch.input;
    const base = file.next;
    const n = readSync(file.fd, input, 0, input.length, base);
    if (n === 0) return 0;
    if (!file.firstLine) {
      const firstLine = readFirstLine(file.fd, final);
      if (!firstLine) return 0; // its first line is still being written
      identify(file, firstLine, this.source);
    }
    if (!startsWith(file.fd, file.firstLine!)) {
      // Truncated and written again since: what was just read may be the new content. The
      // lines read before are in the batch in flight: written first, so nothing of them is counted lost.
      await this.output.ready();
      this.truncated(file);
      return 1;
    }
    // Only now: what was read may have been the content of the file once truncated and written again.
    file.seenSize = Math.max(file.seenSize, base + n);
    let start = 0;
    if (file.skippingLongLine) {
      const newline = input.subarray(0, n).indexOf(NEWLINE);
      start = newline === -1 ? n : newline + 1;
      file.skippingLongLine = newline === -1;
    }
    let end = input.subarray(0, n).lastIndexOf(NEWLINE) + 1;
    // The unfinished last line goes out only at the file's end: a read that filled the buffer
    // ended inside the file, and its last line goes on in the next read.
    if (final && n < input.length) end = n;
    if (end <= start) {
      if (start === 0 && n === input.length) return this.shipLongLine(file, n);
      if (start > 0) await this.skipTo(file, base + start);
      return start;
    }
    if (start > 0) await this.skipTo(file, base + start);
    while (start < end) {
      // A slice at a time, letting the batch in flight go on to stdout between slices (see write-behind.ts).
      const sliceEnd = end - start > FORMAT_SLICE_BYTES ? input.lastIndexOf(NEWLINE, start + FORMAT_SLICE_BYTES) + 1 : end;
      const to = sliceEnd > start ? sliceEnd : end;
      const stopped = file.format!(this.batch, start, to, base);
      if (stopped === start && this.batch.length === 0) throw new Error('a line does not fit the output buffer');
      // Stopped short of `to`: the output is full, or the next line does not fit in what is left of it.
      if (stopped < to || stopped === end || this.batch.full) await this.startWriting(() => this.advance(file, base + stopped));
      else await this.output.letItFlow();
      start = stopped;
    }
    file.next = base + end;
    return end;
  }

  /** Moves past bytes that are not shipped (the rest of a long line), once the batch in flight is written. */
  private async skipTo(file: TrackedFile, offset: number): Promise<void> {
    await this.output.ready();
    file.next = offset;
    this.advance(file, offset);
  }

  /** A line longer than maxLineBytes: its beginning as one record marked truncated; the rest is skipped. */
  private async shipLongLine(file: TrackedFile, n: number): Promise<number> {
    const at = file.next;
    const beginning = this.batch.input.toString('utf8', 0, n);
    this.log('warn', 'line longer than MAX_LINE_BYTES, shipped truncated', { path: file.path, fileId: file.fileId, offset: at });
    this.batch.appendString(`${truncatedRecord({ source: this.source, fileId: file.fileId! }, at, beginning)}\n`);
    await this.startWriting(() => {
      file.skippingLongLine = true;
      this.advance(file, at + n);
    });
    await this.output.ready();
    file.next = at + n;
    return n;
  }

  /**
   * Starts writing the formatted lines once the batch before them is written, and returns
   * without waiting for them (see write-behind.ts); `written` runs once stdout has taken them.
   */
  private async startWriting(written: () => void): Promise<void> {
    await this.output.ready();
    if (this.batch.length === 0) {
      written(); // blank lines only: nothing to write
      return;
    }
    this.output.start(this.batch.takeOutput(), written);
  }

  /** Writes a batch. While stdout is slow, keeps looking for new files so none is deleted unseen. */
  private async write(chunk: Buffer): Promise<void> {
    const looking = setInterval(() => this.findNewFiles(), this.options.pollIntervalMs);
    try {
      await this.options.write(chunk);
    } finally {
      clearInterval(looking);
    }
  }

  /** Records that the file is done up to `offset`: only ever after the lines before it were written. */
  private advance(file: TrackedFile, offset: number): void {
    file.offset = offset;
    this.savePositions();
  }

  private savePositions(): void {
    const held = this.files.map(positionOf).filter((position) => position !== undefined);
    this.positions.save([...this.lastRun.positions(), ...held]);
  }

  /**
   * Looks at the log's files: opens new ones, notices truncation, lets go of files that are
   * finished and deleted, and of deleted ones beyond what it may hold. Returns true if
   * anything changed.
   */
  private look(): boolean {
    let changed = this.findNewFiles();
    this.reportGoneSinceLastRun();
    for (const file of [...this.files]) {
      const { size, nlink } = fstatSync(file.fd);
      if (file.firstLine && (size < file.offset || !startsWith(file.fd, file.firstLine))) {
        // Not its size first: what it holds now is the log written again since it was truncated.
        this.truncated(file);
        changed = true;
        continue;
      }
      file.seenSize = Math.max(file.seenSize, size);
      if (file.done && file.copyOf === undefined && file.path === undefined && nlink === 0) {
        this.letGo(file);
      } else if (file.done && size > file.offset) {
        file.done = false; // a writer still had it open after the rotation
        changed = true;
      }
    }
    // Deleted files not read yet are held, but no more of them than the app keeps rotated files.
    const held = this.files.filter((file) => file.path === undefined && !file.done && !file.copyOf);
    for (const file of held.slice(0, Math.max(0, held.length - this.options.rotatedFiles))) {
      this.log('warn', 'lines lost: too far behind, letting go of a deleted file not yet read', {
        fileId: file.fileId,
        bytesSkipped: file.seenSize - file.offset,
      });
      this.letGo(file);
      changed = true;
    }
    return changed;
  }

  /** Opens the log's files not held yet, oldest first. Returns true if there were any. */
  private findNewFiles(): boolean {
    const found = findLogFiles(this.names, (dev, ino) => this.files.some((file) => file.dev === dev && file.ino === ino));
    const fresh: TrackedFile[] = [];
    for (const file of found) {
      if (file.fd === undefined) this.files.find(({ dev, ino }) => file.dev === dev && file.ino === ino)!.path = file.path;
      else fresh.push(tracked({ ...file, fd: file.fd }));
    }
    for (const file of this.files) {
      if (!found.some(({ dev, ino }) => file.dev === dev && file.ino === ino)) file.path = undefined;
    }
    // Newest first, so that of a file and its copy the live one is the one read: a copy found
    // in the same look as its original (after a restart) is told apart from it too.
    const placed: TrackedFile[] = [];
    for (const file of [...fresh].reverse()) {
      this.place(file, placed);
      placed.push(file);
    }
    this.files.push(...fresh);
    if (fresh.length > 0) this.savePositions();
    return fresh.length > 0;
  }

  /** Decides where to start in a newly opened file. */
  private place(file: TrackedFile, placedWithIt: TrackedFile[]): void {
    const firstLine = readFirstLine(file.fd, file.path !== this.options.logFile);
    if (firstLine) identify(file, firstLine, this.source);
    const exact = this.takeSaved((s) => s.fileId === file.fileId && s.dev === file.dev && s.ino === file.ino);
    const original = !exact && this.originalOf(file, placedWithIt);
    const moved = !exact && !original && this.takeSaved((s) => s.fileId === file.fileId);
    if (original) file.copyOf = original;
    else if (exact || moved) resume(file, (exact || moved) as SavedPosition);
    this.log('info', 'following', {
      path: file.path,
      fileId: file.fileId,
      offset: file.offset,
      ...(original ? { copyOf: original.path } : {}),
    });
  }

  /** The held file that `file` is a copy of (same first line, same bytes or the original since truncated). */
  private originalOf(file: TrackedFile, placedWithIt: TrackedFile[]): TrackedFile | undefined {
    if (!file.fileId) return undefined;
    return [...this.files, ...placedWithIt].find(
      (other) =>
        other !== file &&
        !other.copyOf &&
        other.fileId === file.fileId &&
        (!startsWith(other.fd, other.firstLine!) || sameStart(other.fd, file.fd)),
    );
  }

  /** Removes and returns the first position saved by the last run that `matches`. */
  private takeSaved(matches: (saved: SavedPosition) => boolean): SavedPosition | undefined {
    return this.lastRun.take(matches);
  }

  /** The file was truncated: the rest of its old lines come from its copy, if there is one. */
  private truncated(file: TrackedFile): void {
    this.findNewFiles(); // the copy may have been made since the last look
    const copy = this.files.find((other) => other.copyOf === file);
    const copySize = copy ? fstatSync(copy.fd).size : 0;
    if (copy && !file.copyOf) {
      // The copy holds the same lines at the same offsets: it takes up the position and is read before the new lines.
      copy.copyOf = undefined;
      resume(copy, positionOf(file)!);
      copy.done = false;
      this.files.splice(this.files.indexOf(copy), 1);
      this.files.splice(this.files.indexOf(file), 0, copy);
      this.log('info', 'truncated; reading the rest from its copy', { path: file.path, copy: copy.path, offset: file.offset });
    }
    const lost = file.copyOf || file.done ? 0 : file.seenSize - Math.max(file.offset, copySize);
    if (lost > 0)
      this.log('warn', 'lines lost: truncated before they were read', { path: file.path, fileId: file.fileId, bytesSkipped: lost });
    forget(file);
    this.savePositions();
  }

  private letGo(file: TrackedFile): void {
    closeSync(file.fd);
    this.files.splice(this.files.indexOf(file), 1);
    this.savePositions();
  }

  /** Files of the last run that looks no longer find: what they held after their offset is lost. */
  private reportGoneSinceLastRun(): void {
    if (this.lastRun.positions().length === 0) return;
    // Only after a restart, until every file of the last run is found or gone: cheap enough to
    // look again at once, so that a file missed while the app renamed it is not taken for gone.
    for (let again = 0; again < LOOKS_AGAIN_FOR_LAST_RUN && this.lastRun.positions().length > 0; again++) this.findNewFiles();
    const gone = this.lastRun.missedByLook();
    if (!gone) return;
    for (const { fileId, size, offset } of gone.unread) {
      // How much it grew while nobody looked is not known: at least what was seen.
      this.log('warn', 'lines lost: a file was deleted before it was read to its end', { fileId, unreadBytesAtLeast: size - offset });
    }
    if (gone.noTrace) this.log('warn', 'lines may be lost: the files rotated away while the shipper was down left no trace', gone.noTrace);
    this.savePositions();
  }
}
