import { scanTaggableObject, skipSpace } from './json-scan';
import type { BatchBuffer } from './batch-buffer';

/**
 * Where a line comes from, added to every record: `source` names the log, `fileId` (the
 * file's fingerprint) and `offset` (the byte where the line starts in that file) tell a
 * consumer which records it already has. After a SIGKILL the shipper may repeat the batch
 * it was writing; the repeated records carry the same fileId and offset, so a consumer that
 * keeps the pairs it has seen drops them.
 */
export interface LineOrigin {
  source: string;
  fileId: string;
}

/**
 * Makes a formatter for the lines of one file: each line becomes one JSON object tagged
 * with its origin. A line that is a JSON object keeps its own text (not re-serialised, so
 * nothing is reordered or rounded); anything else is wrapped as
 * `{ source, fileId, offset, message, malformed: true }`. Blank lines give undefined.
 */
export function lineFormatter({ source, fileId }: LineOrigin): (line: string, offset: number) => string | undefined {
  const prefix = `{"source":${JSON.stringify(source)},"fileId":${JSON.stringify(fileId)},"offset":`;
  return (line, offset) => {
    const text = line.trim();
    if (text === '') return undefined;
    const value = parseJson(text);
    if (!isObject(value)) {
      const message = line.endsWith('\r') ? line.slice(0, -1) : line;
      return JSON.stringify({ source, fileId, offset, message, malformed: true });
    }
    // The line's own "source", "fileId" or "offset" would clash with ours: rebuild it, ours win.
    if (['source', 'fileId', 'offset'].some((key) => Object.hasOwn(value, key))) {
      return JSON.stringify({ ...value, source, fileId, offset });
    }
    return /^\{\s*\}$/.test(text) ? `${prefix}${offset}}` : `${prefix}${offset},${text.slice(1)}`;
  };
}

/** The record for a line longer than the shipper holds: its beginning, marked truncated. */
export function truncatedRecord({ source, fileId }: LineOrigin, offset: number, beginning: string): string {
  return JSON.stringify({ source, fileId, offset, message: beginning, truncated: true });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;

/**
 * Makes a formatter for the lines in `batch.input[start, end)` (all ending in "\n" but
 * perhaps the last), where input[0] is byte `inputOffset` of the file. It appends to the
 * batch's output exactly what lineFormatter gives for each line, each ending in "\n". The
 * common line, a JSON object of plain ASCII, is checked by scanning its bytes and copied
 * without ever becoming a string; any other line takes lineFormatter's path. Stops before
 * a line when the output is full or the line does not fit, and returns where it stopped
 * (`end` when all are done).
 */
export function batchFormatter(origin: LineOrigin): (batch: BatchBuffer, start: number, end: number, inputOffset: number) => number {
  const formatLine = lineFormatter(origin);
  // `{"source":"…","fileId":"…","offset":`, the offset, a comma, then the line after its own "{".
  const prefix = Buffer.from(`{"source":${JSON.stringify(origin.source)},"fileId":${JSON.stringify(origin.fileId)},"offset":`);
  const MAX_OFFSET_DIGITS = 16;
  return (batch, start, end, inputOffset) => {
    const bytes = batch.input;
    while (start < end) {
      if (batch.full) return start;
      const open = skipSpace(bytes, start, end);
      const close = scanTaggableObject(bytes, open, end);
      if (close > 0) {
        const after = skipSpace(bytes, close, end);
        if (after === end || bytes[after] === NEWLINE) {
          if (prefix.length + MAX_OFFSET_DIGITS + close - open > batch.room) return start;
          batch.append(prefix);
          batch.appendInteger(inputOffset + start);
          batch.append(COMMA);
          batch.appendInput(open + 1, close);
          batch.append(NEWLINE);
          start = after + 1;
          continue;
        }
      }
      let lineEnd = bytes.indexOf(NEWLINE, start);
      if (lineEnd === -1 || lineEnd > end) lineEnd = end;
      const formatted = formatLine(bytes.toString('utf8', start, lineEnd), inputOffset + start);
      if (formatted !== undefined && !batch.appendString(`${formatted}\n`)) return start;
      start = lineEnd + 1;
    }
    return end;
  };
}
