import { resolve, sep } from 'node:path';
import type { RefusalReason } from './write-error.js';

/** Linux's limits (NAME_MAX, PATH_MAX less the final NUL); most other systems' are the same or larger. */
const NAME_MAX_BYTES = 255;
const PATH_MAX_BYTES = 4095;

const shorten = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 40)}…${text.slice(-10)}` : text);

/** Pure: what is wrong with the path as text, as data, or undefined. */
export function pathTextIssue(dir: string): RefusalReason | undefined {
  if (dir === '') return { code: 'emptyPath' };
  if (/[\0\n\r]/.test(dir)) return { code: 'controlCharacters', dir };
  const full = resolve(dir);
  const long = full.split(sep).find((part) => Buffer.byteLength(part) > NAME_MAX_BYTES);
  if (long) return { code: 'nameTooLong', name: shorten(long), bytes: Buffer.byteLength(long), max: NAME_MAX_BYTES };
  if (Buffer.byteLength(full) > PATH_MAX_BYTES)
    return { code: 'pathTooLong', path: shorten(full), bytes: Buffer.byteLength(full), max: PATH_MAX_BYTES };
  return undefined;
}
