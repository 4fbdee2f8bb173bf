import { describe, expect, it } from 'vitest';
import { BatchBuffer } from '../src/batch-buffer';
import { batchFormatter, lineFormatter } from '../src/format-line';
import { scanTaggableObject } from '../src/json-scan';

const ORIGIN = { source: 'access.log', fileId: '0123456789abcdef' };
/** Where the input starts in its file: offsets of a file several GiB long. */
const BASE = 5_000_000_000;

/** What the shipper prints for these lines: the byte path, as the shipper runs it. */
function formatBatch(text: string | Buffer, outputBytes = 1024 * 1024): string {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const batch = new BatchBuffer(bytes.length, outputBytes);
  bytes.copy(batch.input);
  const out: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    const stopped = batchFormatter(ORIGIN)(batch, start, bytes.length, BASE);
    out.push(batch.output().toString());
    batch.clear();
    start = stopped;
  }
  return out.join('');
}

/** What lineFormatter, JSON.parse and all, gives for the same lines. */
function formatEachLine(text: string): string {
  const format = lineFormatter(ORIGIN);
  let offset = BASE;
  return text
    .split('\n')
    .map((line) => {
      const formatted = format(line, offset);
      offset += Buffer.byteLength(line) + 1;
      return formatted;
    })
    .filter((line) => line !== undefined)
    .map((line) => `${line}\n`)
    .join('');
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const SAMPLES = [
  '{"time":"2026-01-01T00:00:00.000Z","method":"GET","path":"/healthz","status":200,"durationMs":0.007}',
  '{"a":[1,-2.5e+3,0,{"b":null}],"c":{"d":true,"e":false},"f":"x\\"y\\\\z\\u00e9\\n"}',
  ' {"n" : 1 , "m":[ ] ,"o":{ }}\r',
  '{"source":"theirs","a":1}',
  '{"nested":{"source":"fine here"}}',
  '{"sourc\\u0065":"spelled with an escape"}',
  '{"text":"caf\u00e9"}',
  '{}',
  '[1,2]',
  'plain text',
];
const ALPHABET = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  'u',
  '0',
  '1',
  '-',
  '.',
  'e',
  '+',
  ' ',
  '\t',
  '\r',
  'a',
  't',
  'n',
  '\u0001',
  '\u00e9',
  'true',
  'null',
  '"source"',
];

describe('the fast path for JSON lines', () => {
  it('takes the common line, an ASCII JSON object, without JSON.parse', () => {
    for (const line of SAMPLES.slice(0, 3)) {
      const bytes = Buffer.from(line);
      expect(scanTaggableObject(bytes, line.indexOf('{'), bytes.length)).toBe(line.lastIndexOf('}') + 1);
    }
  });

  it('leaves the rest to JSON.parse: its own "source", non-ASCII text, empty objects, non-objects', () => {
    for (const line of SAMPLES.slice(3)) {
      const bytes = Buffer.from(line);
      const nested = line.startsWith('{"nested"');
      expect(scanTaggableObject(bytes, 0, bytes.length)).toBe(nested ? bytes.length : -1);
    }
  });

  it('prints exactly what JSON.parse-based formatting prints, for 20,000 mutated lines', () => {
    const next = random(20261129);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const chars = [...pick(SAMPLES)];
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * (chars.length + 1));
        const kind = next();
        if (kind < 0.4) chars.splice(at, 1);
        else if (kind < 0.8) chars.splice(at, 0, pick(ALPHABET));
        else chars.splice(at, 1, pick(ALPHABET));
      }
      lines.push(chars.join(''));
    }
    const text = `${lines.join('\n')}\n`;
    expect(formatBatch(text)).toBe(formatEachLine(text));
    // Not only failures: a good share of the mutants are still JSON and took the fast path.
    const taken = lines.filter((line) => scanTaggableObject(Buffer.from(line), 0, Buffer.byteLength(line)) > 0);
    expect(taken.length).toBeGreaterThan(1000);
  });

  it('handles a last line without its newline, and blank lines', () => {
    const text = '{"a":1}\n\n   \n{"b":2}';
    const origin = '"source":"access.log","fileId":"0123456789abcdef"';
    expect(formatBatch(text)).toBe(`{${origin},"offset":5000000000,"a":1}\n{${origin},"offset":5000000013,"b":2}\n`);
  });

  it('writes out a full batch and goes on where it stopped', () => {
    const text = Array.from({ length: 1000 }, (_, n) => `{"n":${n}}\n`).join('');
    // Room for a few lines at a time only.
    expect(formatBatch(text, 100)).toBe(formatEachLine(text));
  });

  it('wraps a line of control characters, six times longer once escaped', () => {
    const line = '\u0001'.repeat(10_000);
    const formatted = formatBatch(`${line}\n`, 6 * 10_000 + 1024);
    expect(JSON.parse(formatted)).toEqual({ ...ORIGIN, offset: BASE, message: line, malformed: true });
  });
});
