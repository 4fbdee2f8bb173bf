import type { FileHandle } from 'node:fs/promises';

/** One line of a file: its text (without the newline), where it starts and ends in bytes, and whether a newline ended it. */
export interface FileLine {
  text: string;
  start: number;
  end: number;
  complete: boolean;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads `file` line by line in fixed-size chunks, so replay memory does not grow with the
 * file. A line longer than `maxLineBytes` keeps only its first maxLineBytes + 1 bytes: too
 * long to be a record either way, and a damaged file cannot make this hold it all.
 */
export async function* readLines(file: FileHandle, maxLineBytes: number): AsyncGenerator<FileLine> {
  const chunk = Buffer.alloc(CHUNK_BYTES);
  let position = 0; // file offset of chunk[0]
  let line: Buffer[] = [];
  let lineBytes = 0;
  let lineStart = 0;
  const keep = (bytes: Buffer) => {
    // A copy: the chunk is read into again.
    const part = Buffer.from(bytes.subarray(0, Math.max(0, maxLineBytes + 1 - lineBytes)));
    line.push(part);
    lineBytes += part.length;
  };
  for (;;) {
    const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    const data = chunk.subarray(0, bytesRead);
    let from = 0;
    for (let newline = data.indexOf(10, from); newline !== -1; newline = data.indexOf(10, from)) {
      keep(data.subarray(from, newline));
      yield { text: Buffer.concat(line).toString('utf8'), start: lineStart, end: position + newline + 1, complete: true };
      line = [];
      lineBytes = 0;
      lineStart = position + newline + 1;
      from = newline + 1;
    }
    keep(data.subarray(from));
    position += bytesRead;
  }
  if (position > lineStart) yield { text: Buffer.concat(line).toString('utf8'), start: lineStart, end: position, complete: false };
}
