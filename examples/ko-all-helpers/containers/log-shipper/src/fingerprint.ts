import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';

/**
 * How a file is told apart from another, after renames, copies and restarts. An inode number
 * alone is not enough: once a file is deleted, the next new file may get its number (ext4
 * does this at once), and a copy made by copytruncate has a new number for the same lines.
 * So, like Vector's checksum fingerprints, a file is known by its first line: a hash of the
 * bytes up to and including the first newline, at most FINGERPRINT_BYTES. The access log's
 * lines start with a timestamp in milliseconds, so two logs never share their first line.
 */
export const FINGERPRINT_BYTES = 256;
/** How much of the start two files must share to be taken for copies of each other. */
const SAME_START_BYTES = 4096;

/**
 * The bytes that identify the file open as `fd`: its first line, or its first
 * FINGERPRINT_BYTES if that line is longer. Undefined while the file has neither (it is
 * still being started), unless `whatIsThere` asks for whatever it holds (a file that will
 * not grow any more).
 */
export function readFirstLine(fd: number, whatIsThere = false): Buffer | undefined {
  const head = Buffer.alloc(FINGERPRINT_BYTES);
  const n = readSync(fd, head, 0, FINGERPRINT_BYTES, 0);
  const newline = head.subarray(0, n).indexOf(0x0a);
  if (newline >= 0) return head.subarray(0, newline + 1);
  if (n === FINGERPRINT_BYTES || (whatIsThere && n > 0)) return head.subarray(0, n);
  return undefined;
}

/** A short name for a first line: what records carry as `fileId` and the state file keeps. */
export function fingerprintOf(firstLine: Buffer): string {
  return createHash('sha256').update(firstLine).digest('hex').slice(0, 16);
}

/** True while the file open as `fd` still starts with `firstLine`: not truncated and rewritten. */
export function startsWith(fd: number, firstLine: Buffer): boolean {
  const head = Buffer.alloc(firstLine.length);
  return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(firstLine);
}

/**
 * True if two files hold the same bytes as far as both go (up to SAME_START_BYTES): one is a
 * copy of the other. Two distinct logs that happen to share a first line differ soon after.
 */
export function sameStart(fdA: number, fdB: number): boolean {
  const a = Buffer.alloc(SAME_START_BYTES);
  const b = Buffer.alloc(SAME_START_BYTES);
  const n = Math.min(readSync(fdA, a, 0, SAME_START_BYTES, 0), readSync(fdB, b, 0, SAME_START_BYTES, 0));
  return a.subarray(0, n).equals(b.subarray(0, n));
}
