import { scanTaggableObject, skipSpace } from './json-scan';
import type { BatchBuffer } from './batch-buffer';

/**
 * Makes a formatter for the lines of one file: each line becomes one JSON object tagged
 * with `source`. A line that is a JSON object keeps its own text (not re-serialised, so
 * nothing is reordered or rounded); anything else is wrapped as
 * `{ source, message, malformed: true }`. Blank lines give undefined.
 */
export function lineFormatter(source: string): (line: string) => string | undefined {
  const sourceField = `"source":${JSON.stringify(source)}`;
  return (line) => {
    const text = line.trim();
    if (text === '') return undefined;
    const value = parseJson(text);
    if (!isObject(value)) {
      return JSON.stringify({ source, message: line.endsWith('\r') ? line.slice(0, -1) : line, malformed: true });
    }
    // The line's own "source" would clash with ours: rebuild it, ours wins.
    if (Object.hasOwn(value, 'source')) return JSON.stringify({ ...value, source });
    return /^\{\s*\}$/.test(text) ? `{${sourceField}}` : `{${sourceField},${text.slice(1)}`;
  };
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

/**
 * Makes a formatter for the lines in `batch.input[start, end)` (all ending in "\n" but
 * perhaps the last), appending to the batch's output exactly what lineFormatter gives for
 * each, each ending in "\n". The common line, a JSON object of plain ASCII, is checked by
 * scanning its bytes and copied without ever becoming a string; any other line takes
 * lineFormatter's path. Stops before a line when the output is full or the line does not
 * fit, and returns where it stopped (`end` when all are done).
 */
export function batchFormatter(source: string): (batch: BatchBuffer, start: number, end: number) => number {
  const formatLine = lineFormatter(source);
  // `{"source":"…",` then the line after its own "{".
  const prefix = Buffer.from(`{"source":${JSON.stringify(source)},`);
  return (batch, start, end) => {
    const bytes = batch.input;
    while (start < end) {
      if (batch.full) return start;
      const open = skipSpace(bytes, start, end);
      const close = scanTaggableObject(bytes, open, end);
      if (close > 0) {
        const after = skipSpace(bytes, close, end);
        if (after === end || bytes[after] === NEWLINE) {
          if (prefix.length + close - open > batch.room) return start;
          batch.append(prefix);
          batch.appendInput(open + 1, close);
          batch.append(NEWLINE);
          start = after + 1;
          continue;
        }
      }
      let lineEnd = bytes.indexOf(NEWLINE, start);
      if (lineEnd === -1 || lineEnd > end) lineEnd = end;
      const formatted = formatLine(bytes.toString('utf8', start, lineEnd));
      if (formatted !== undefined && !batch.appendString(`${formatted}\n`)) return start;
      start = lineEnd + 1;
    }
    return end;
  };
}
