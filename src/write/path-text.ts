import { resolve, sep } from 'node:path';

/** Linux's limits (NAME_MAX, PATH_MAX less the final NUL); most other systems' are the same or larger. */
const NAME_MAX_BYTES = 255;
const PATH_MAX_BYTES = 4095;

const shorten = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 40)}…${text.slice(-10)}` : text);

/** Pure: what is wrong with the path as text, or undefined. */
export function pathTextProblem(dir: string): string | undefined {
  if (dir === '') return 'the directory is an empty string; pass a folder name (e.g. my-service), or "." for the current folder';
  if (/[\0\n\r]/.test(dir)) return `directory ${JSON.stringify(dir)} contains control characters; choose a name without them`;
  const full = resolve(dir);
  const long = full.split(sep).find((part) => Buffer.byteLength(part) > NAME_MAX_BYTES);
  if (long)
    return `the folder name ${shorten(long)} is ${Buffer.byteLength(long)} bytes long; a file system allows ${NAME_MAX_BYTES} per name, so choose a shorter one`;
  if (Buffer.byteLength(full) > PATH_MAX_BYTES)
    return `the path ${shorten(full)} is ${Buffer.byteLength(full)} bytes long; the system allows ${PATH_MAX_BYTES}, so choose a shorter one`;
  return undefined;
}
