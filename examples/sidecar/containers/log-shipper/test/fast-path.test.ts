import { describe, expect, it } from 'vitest';
import { BatchBuffer } from '../src/batch-buffer';
import { batchFormatter, lineFormatter } from '../src/format-line';
import { scanTaggableObject } from '../src/json-scan';

const ORIGIN = { source: 'access.log', fileId: '0123456789abcdef' };
/** Where the input starts in its file: offsets of a file several GiB long. */
const BASE = 5_000_000_000;

/** What the shipper prints for these lines: the byte path, as the shipper runs it. */
function formatBatch(text: string | Buffer, outputBytes = 1024 * 1024): string {
  return formatBatchBytes(text, outputBytes).toString();
}

/** The same as bytes: decoding would hide invalid UTF-8 passed through (it decodes as U+FFFD). */
function formatBatchBytes(text: string | Buffer, outputBytes = 1024 * 1024): Buffer {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const batch = new BatchBuffer(bytes.length, outputBytes);
  bytes.copy(batch.input);
  const out: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const stopped = batchFormatter(ORIGIN)(batch, start, bytes.length, BASE);
    out.push(Buffer.from(batch.takeOutput()));
    start = stopped;
  }
  return Buffer.concat(out);
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

/** The same for raw bytes (invalid UTF-8 too): each line decoded as the shipper decodes a line it wraps. */
function formatEachLineOfBytes(bytes: Buffer): string {
  const format = lineFormatter(ORIGIN);
  const out: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const formatted = format(bytes.toString('utf8', start, end), BASE + start);
    if (formatted !== undefined) out.push(`${formatted}\n`);
    start = end + 1;
  }
  return out.join('');
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
  it('prints what JSON.parse-based formatting prints for escapes, surrogates, depth, numbers, whitespace and invalid UTF-8', () => {
    const deep = (n: number, inner: string) => '{"d":'.repeat(n) + inner + '}'.repeat(n);
    const deepArray = (n: number) => `{"a":${'['.repeat(n)}1${']'.repeat(n)}}`;
    const pieces: (string | Buffer)[] = [
      // Escapes: every short one, \u in both cases, and broken ones.
      '{"e":"\\" \\\\ \\/ \\b \\f \\n \\r \\t"}',
      '{"u":"\\u00e9\\u00E9\\uABCD\\uabcd"}',
      '{"u":"\\u00g0"}',
      '{"u":"\\u00e"}',
      '{"u":"\\x41"}',
      '{"u":"\\\'"}',
      '{"u":"\\ "}',
      '{"u":"\\',
      '{"k\\u0065y":1}',
      '{"off\\u0073et":1}',
      // Surrogates: paired, lone high, lone low, reversed, as escapes and as bytes.
      '{"s":"\\ud83d\\ude00"}',
      '{"s":"\\ud83d"}',
      '{"s":"\\ude00"}',
      '{"s":"\\ude00\\ud83d"}',
      '{"s":"😀"}',
      // Depth: around the scanner's limit of 32, objects and arrays.
      ...[30, 31, 32, 33, 40, 200].map((n) => deep(n, '1')),
      ...[30, 31, 32, 33, 200].map(deepArray),
      deep(31, '{}'),
      deep(32, '[]'),
      // Numbers: valid and not.
      ...[
        '0',
        '-0',
        '1',
        '-1',
        '10',
        '0.5',
        '-0.5',
        '1e5',
        '1E5',
        '1e+5',
        '1e-5',
        '1.5e-05',
        '123456789012345678901234567890',
        '1e400',
        '-1e-400',
      ].map((n) => `{"n":${n}}`),
      ...[
        '01',
        '-01',
        '+1',
        '.5',
        '1.',
        '1.e5',
        '1e',
        '1e+',
        '-',
        '--1',
        '0x10',
        '1_000',
        'NaN',
        'Infinity',
        '-Infinity',
        '1 2',
        '0.0.1',
        '1e5e5',
      ].map((n) => `{"n":${n}}`),
      // Literals and near misses.
      '{"t":true,"f":false,"n":null}',
      '{"t":tru}',
      '{"t":True}',
      '{"t":nul}',
      '{"t":nulll}',
      // Whitespace: JSON's own inside and around, and what trim() takes but JSON does not.
      ' \t\r{ \t\r"a" \t\r: \t\r1 \t\r, \t\r"b":[ 1 , 2 ] \t\r} \t\r',
      '\u000b{"a":1}',
      '{"a":1}\u000c',
      '{\u000b"a":1}',
      '{"a":1}\u00a0',
      '\u00a0{"a":1}',
      '\ufeff{"a":1}',
      '{"a":1}\u2028',
      '{"a"\u00a0:1}',
      '{"a":"tab\tinside"}',
      '{"a":"cr\rinside"}',
      '{"a":1}\r',
      '{"a":1}\r\r',
      '{"a":1} x',
      '{"a":1}}',
      '{"a":1},',
      '{"a":1,}',
      '{,"a":1}',
      '{"a" 1}',
      '{"a"::1}',
      '{a:1}',
      "{'a':1}",
      '{"a":1}{"b":2}',
      // Its own reserved keys at every depth and spelling.
      '{"source":1}',
      '{"fileId":1}',
      '{"offset":1}',
      '{"a":1,"offset":2}',
      '{"Source":1}',
      '{"sources":1}',
      '{"sourc":1}',
      // As long as a reserved key, and sharing its first letter or all but its last.
      '{"status":1}',
      '{"fileIx":1}',
      '{"offsex":1}',
      '{"a":1,"sourcf":2,"method":"GET"}',
      '{"x":{"offset":1}}',
      '{"x":[{"source":1}]}',
      '{"source":1,"source":2}',
      // Duplicate keys, empty keys and values.
      '{"a":1,"a":2}',
      '{"":""}',
      '{"a":{}}',
      '{"a":[]}',
      '{ }',
      '{}',
      '[]',
      '"a string"',
      '42',
      'null',
      // Non-ASCII: valid UTF-8 in keys and values, and invalid bytes in every position.
      '{"café":"naïve"}',
      '{"a":"日本語"}',
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
      Buffer.from([0x7b, 0x22, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0x80]),
      Buffer.from([0x80, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d]),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x80, 0x7d]),
      // Control characters where JSON forbids them, and a NUL.
      '{"a":"\u0000"}',
      '{"a":"\u001f"}',
      '{"a":"\u007f"}',
      '{"a":1\u0000}',
    ];
    const lines = pieces.map((piece) => (Buffer.isBuffer(piece) ? piece : Buffer.from(piece)));
    const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
    expect(formatBatchBytes(bytes).equals(Buffer.from(formatEachLineOfBytes(bytes)))).toBe(true);
    expect(formatBatch(bytes)).toBe(formatEachLineOfBytes(bytes)); // the same, readably when it fails
    // Each piece alone too, as the last line of a read without its newline.
    for (const line of lines)
      expect(formatBatchBytes(line).toString('latin1')).toBe(Buffer.from(formatEachLineOfBytes(line)).toString('latin1'));
  });

  it('mutates bytes, not only characters: 20,000 lines with invalid UTF-8 and control bytes spliced in', () => {
    const next = random(20261130);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const byteAlphabet = [
      0x00, 0x09, 0x0d, 0x1f, 0x20, 0x22, 0x2c, 0x2d, 0x30, 0x3a, 0x5b, 0x5c, 0x5d, 0x65, 0x75, 0x7b, 0x7d, 0x7f, 0x80, 0xbf, 0xc3, 0xe9,
      0xed, 0xf0, 0xff,
    ];
    const lines: Buffer[] = [];
    for (let i = 0; i < 20_000; i++) {
      const bytes = [...Buffer.from(pick(SAMPLES))];
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * (bytes.length + 1));
        const kind = next();
        if (kind < 0.3) bytes.splice(at, 1);
        else if (kind < 0.7) bytes.splice(at, 0, pick(byteAlphabet));
        else bytes.splice(at, 1, pick(byteAlphabet));
      }
      lines.push(Buffer.from(bytes));
    }
    const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
    expect(formatBatchBytes(bytes).equals(Buffer.from(formatEachLineOfBytes(bytes)))).toBe(true);
    expect(lines.filter((line) => scanTaggableObject(line, 0, line.length) > 0).length).toBeGreaterThan(1000);
  });

  it('writes offsets exactly, across every power of ten and past 2^31, 2^32 and 10^9 steps', () => {
    const values = [0, 1, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER];
    for (let power = 1; power <= 1e15; power *= 10) values.push(power - 1, power, power + 1, power * 9 + 5);
    for (const billions of [1, 2, 7, 1000, 123456]) values.push(billions * 1e9, billions * 1e9 + 5, billions * 1e9 + 999_999_999);
    const batch = new BatchBuffer(16, 64 * values.length);
    for (const value of values) {
      batch.appendInteger(value);
      batch.append(0x0a);
    }
    expect(batch.output().toString()).toBe(values.map((value) => `${value}\n`).join(''));
  });
  it('reads no further than the end it is given, whatever stale bytes lie beyond it in the buffer', () => {
    // The last, unfinished line of a read, cut inside a string, a number and a key; the
    // buffer behind it still holds an old read that would complete each of them.
    for (const cut of ['{"a":"xyz', '{"a":12', '{"ab', '{"a":"x\\', '{"a":tr', '{"a":1 ']) {
      const stale = 'z","b":1}\n{"c":"d"}\n';
      const batch = new BatchBuffer(cut.length + stale.length, 64 * 1024);
      batch.input.write(cut + stale);
      batchFormatter(ORIGIN)(batch, 0, cut.length, BASE);
      expect(batch.output().toString()).toBe(formatEachLine(cut));
    }
  });
});
