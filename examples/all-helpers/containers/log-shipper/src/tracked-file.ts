import type { BatchBuffer } from './batch-buffer';
import { fingerprintOf } from './fingerprint';
import { batchFormatter } from './format-line';
import type { FoundFile } from './log-files';
import type { SavedPosition } from './position-store';

/**
 * A file of the log that the shipper holds open. Holding it keeps its lines readable after
 * the app deletes it (rotation past the last kept file) and keeps its inode number from
 * being given to a new file meanwhile.
 */
export interface TrackedFile {
  /** The name the last look found it under; undefined once it is under none of the log's names. */
  path?: string;
  fd: number;
  dev: number;
  ino: number;
  /** What identifies it (see fingerprint.ts); unset until it has a first line. */
  firstLine?: Buffer;
  fileId?: string;
  format?: (batch: BatchBuffer, start: number, end: number, inputOffset: number) => number;
  /** Where the next line not yet written to stdout starts: what is saved. */
  offset: number;
  /**
   * Where the next line not yet read starts: ahead of `offset` by the batch being written
   * while the next one is read and formatted, equal to it once that write is done.
   */
  next: number;
  /** The most bytes it was seen to hold: what is lost if it is truncated or dropped unread. */
  seenSize: number;
  /** Inside a line longer than the shipper holds: the rest of that line is skipped. */
  skippingLongLine: boolean;
  /** Rotated and read to its end. */
  done: boolean;
  /** Set on a copy of another tracked file (copytruncate): held in reserve, read only once that file is truncated. */
  copyOf?: TrackedFile;
}

/** Starts tracking a file just found (see log-files.ts), from its start. */
export function tracked({ path, fd, dev, ino, size }: FoundFile & { fd: number }): TrackedFile {
  return { path, fd, dev, ino, offset: 0, next: 0, seenSize: size, skippingLongLine: false, done: false };
}

/** Gives the file its identity once its first line is known. */
export function identify(file: TrackedFile, firstLine: Buffer, source: string): void {
  file.firstLine = Buffer.from(firstLine);
  file.fileId = fingerprintOf(firstLine);
  file.format = batchFormatter({ source, fileId: file.fileId });
}

/** Forgets what the file held: it was truncated, and what it holds now is a new log. */
export function forget(file: TrackedFile): void {
  file.firstLine = file.fileId = file.format = file.copyOf = undefined;
  file.offset = file.next = file.seenSize = 0;
  file.skippingLongLine = file.done = false;
}

/** Takes up a position saved by an earlier run. */
export function resume(file: TrackedFile, saved: SavedPosition): void {
  file.offset = file.next = saved.offset;
  file.seenSize = Math.max(file.seenSize, saved.size);
  file.skippingLongLine = saved.skippingLongLine;
}

/**
 * What the state file keeps for the file: nothing until it has an identity, nor for a copy
 * held in reserve (copytruncate), which has shipped nothing: its lines are its original's,
 * whose position a restart gives the copy if the original is truncated meanwhile. Saved at
 * 0, the copy would be read again from its start after a restart.
 */
export function positionOf(file: TrackedFile): SavedPosition | undefined {
  if (!file.fileId || file.copyOf) return undefined;
  const { fileId, dev, ino, offset, seenSize: size, skippingLongLine, done } = file;
  return { fileId, dev, ino, offset, size, skippingLongLine, done };
}
