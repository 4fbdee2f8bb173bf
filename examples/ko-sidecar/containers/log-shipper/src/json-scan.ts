/**
 * A byte-level JSON syntax check for the common case of a log line: an object whose
 * strings are plain ASCII. It builds nothing, so it is several times cheaper than
 * JSON.parse, which would build an object per line only to throw it away.
 *
 * It may say "not sure" (-1) about valid JSON (non-ASCII text, deep nesting, a key
 * spelled with escapes): the caller then asks JSON.parse. It never accepts what
 * JSON.parse rejects; test/fast-path.test.ts holds it to that.
 *
 * Written for speed, as it looks at every byte the shipper ships: character classes come
 * from lookup tables (one load instead of a chain of comparisons), the loop over a string's
 * bytes leans on the line's newline to stop instead of checking the bound at each byte,
 * whitespace between tokens is looked for only at a byte at or below 0x20 (log lines are
 * mostly compact JSON), and a key is told apart from the reserved ones by its length and
 * its first and last bytes before its bytes are compared.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
/** Deeper values are left to JSON.parse: keeps the recursion short. */
const MAX_DEPTH = 32;
/** The keys the shipper adds: a line that has one of its own takes the slow path, which replaces it. */
const RESERVED_KEYS = ['source', 'fileId', 'offset'].map((key) => Buffer.from(key));

/** Bytes that may stand in a string as they are: printable ASCII but `"` and `\`. */
const PLAIN_IN_STRING = byteTable((c) => c >= 0x20 && c < 0x80 && c !== QUOTE && c !== BACKSLASH);
/** JSON's whitespace but LF: space, tab, CR. A line never holds an LF (it ends there). */
const SPACE = byteTable((c) => c === 0x20 || c === 0x09 || c === 0x0d);
const DIGIT = byteTable((c) => c >= 0x30 && c <= 0x39);
const HEX_DIGIT = byteTable((c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
/** What may follow a backslash, but u (which takes four hex digits): "\/bfnrt. */
const SHORT_ESCAPE = byteTable((c) => '"\\/bfnrt'.includes(String.fromCharCode(c)));
/** 1 at the length of a reserved key: most keys are rejected on that alone. */
const RESERVED_KEY_LENGTH = new Uint8Array(1 + Math.max(...RESERVED_KEYS.map((key) => key.length)));
for (const key of RESERVED_KEYS) RESERVED_KEY_LENGTH[key.length] = 1;
/** 1 at the first and at the last byte of a reserved key: most keys of that length are rejected on these. */
const RESERVED_KEY_FIRST = byteTable((c) => RESERVED_KEYS.some((key) => key[0] === c));
const RESERVED_KEY_LAST = byteTable((c) => RESERVED_KEYS.some((key) => key[key.length - 1] === c));

function byteTable(isMember: (c: number) => boolean): Uint8Array {
  const table = new Uint8Array(256);
  for (let c = 0; c < 256; c++) table[c] = isMember(c) ? 1 : 0;
  return table;
}

/**
 * If `bytes[start]` opens a JSON object that has at least one member and none of the
 * shipper's own keys ("source", "fileId", "offset") at its top level, returns the index
 * just past its closing brace (scanning no further than `end`); otherwise -1.
 */
export function scanTaggableObject(bytes: Uint8Array, start: number, end: number): number {
  return bytes[start] === OPEN_BRACE ? scanLine(bytes, start, end) : -1;
}

/**
 * The object that is the line itself, from its `{`: not empty, and none of the reserved
 * keys (spelled plainly) at its top level. Written out for the common line, whose keys
 * and values are mostly short strings and plain numbers: keys are scanned here, values
 * go straight to the scanner of their kind (about a third less time for an access log
 * than through scanObject and scanValue: 180 -> 125-135 ms per million lines).
 */
function scanLine(bytes: Uint8Array, i: number, end: number): number {
  i = nextToken(bytes, i + 1, end);
  if (i >= end || bytes[i] !== QUOTE) return -1; // `{}`, or not a key
  for (;;) {
    // A key: plain ASCII without escapes, which could spell a reserved key.
    const keyStart = i + 1;
    i = keyStart;
    while (PLAIN_IN_STRING[bytes[i]] === 1) i++;
    if (i >= end || bytes[i] !== QUOTE || isReservedKey(bytes, keyStart, i)) return -1;
    i = nextToken(bytes, i + 1, end);
    if (i >= end || bytes[i] !== COLON) return -1;
    i = nextToken(bytes, i + 1, end);
    const c = i < end ? bytes[i] : 0;
    if (c === QUOTE) i = scanString(bytes, i, end);
    else if (DIGIT[c] === 1 || c === MINUS) i = scanNumber(bytes, i, end);
    else i = scanValue(bytes, i, end, 1);
    if (i < 0) return -1;
    i = nextToken(bytes, i, end);
    if (i >= end) return -1;
    const after = bytes[i];
    if (after === CLOSE_BRACE) return i + 1;
    if (after !== COMMA) return -1;
    i = nextToken(bytes, i + 1, end);
    if (i >= end || bytes[i] !== QUOTE) return -1;
  }
}

/** Skips JSON's whitespace (but LF) from `i`; returns where it ends. */
export function skipSpace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && SPACE[bytes[i]] === 1) i++;
  return i;
}

/**
 * skipSpace for where JSON is usually compact: one comparison when there is no space, as
 * all of JSON's is at or below 0x20 (past the end, skipSpace checks the bound).
 */
function nextToken(bytes: Uint8Array, i: number, end: number): number {
  return bytes[i] > 0x20 ? i : skipSpace(bytes, i, end);
}

// A plain loop, not RESERVED_KEYS.some(...): a closure made for every key of every line kept the garbage collector busy.
function isReservedKey(bytes: Uint8Array, from: number, to: number): boolean {
  const length = to - from;
  if (length >= RESERVED_KEY_LENGTH.length || RESERVED_KEY_LENGTH[length] === 0) return false;
  if (RESERVED_KEY_FIRST[bytes[from]] === 0 || RESERVED_KEY_LAST[bytes[to - 1]] === 0) return false;
  for (let r = 0; r < RESERVED_KEYS.length; r++) {
    const key = RESERVED_KEYS[r];
    if (length !== key.length) continue;
    let k = 0;
    while (k < length && bytes[from + k] === key[k]) k++;
    if (k === length) return true;
  }
  return false;
}

function scanValue(bytes: Uint8Array, i: number, end: number, depth: number): number {
  if (i >= end) return -1;
  const c = bytes[i];
  if (c === QUOTE) return scanString(bytes, i, end);
  if (c === MINUS || DIGIT[c] === 1) return scanNumber(bytes, i, end);
  if (c === OPEN_BRACE) return depth < MAX_DEPTH ? scanObject(bytes, i, end, depth) : -1;
  if (c === OPEN_BRACKET) return depth < MAX_DEPTH ? scanArray(bytes, i, end, depth) : -1;
  if (c === 0x74) return scanWord(bytes, i, end, 'true');
  if (c === 0x66) return scanWord(bytes, i, end, 'false');
  if (c === 0x6e) return scanWord(bytes, i, end, 'null');
  return -1;
}

/** A nested object (the line itself is scanLine's). */
function scanObject(bytes: Uint8Array, i: number, end: number, depth: number): number {
  i = nextToken(bytes, i + 1, end);
  if (i < end && bytes[i] === CLOSE_BRACE) return i + 1;
  for (;;) {
    if (i >= end || bytes[i] !== QUOTE) return -1;
    i = scanString(bytes, i, end);
    if (i < 0) return -1;
    i = nextToken(bytes, i, end);
    if (i >= end || bytes[i] !== COLON) return -1;
    i = scanValue(bytes, nextToken(bytes, i + 1, end), end, depth + 1);
    if (i < 0) return -1;
    i = nextToken(bytes, i, end);
    if (i >= end) return -1;
    if (bytes[i] === CLOSE_BRACE) return i + 1;
    if (bytes[i] !== COMMA) return -1;
    i = nextToken(bytes, i + 1, end);
  }
}

function scanArray(bytes: Uint8Array, i: number, end: number, depth: number): number {
  i = nextToken(bytes, i + 1, end);
  if (i < end && bytes[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    i = scanValue(bytes, i, end, depth + 1);
    if (i < 0) return -1;
    i = nextToken(bytes, i, end);
    if (i >= end) return -1;
    if (bytes[i] === CLOSE_BRACKET) return i + 1;
    if (bytes[i] !== COMMA) return -1;
    i = nextToken(bytes, i + 1, end);
  }
}

/**
 * A string of printable ASCII and escapes, from its opening quote; returns the index past
 * the closing quote. Control characters are invalid; non-ASCII is left to JSON.parse.
 */
function scanString(bytes: Uint8Array, i: number, end: number): number {
  i++;
  for (;;) {
    // No `i < end` per byte: the loop stops at the line's newline, or past the buffer's end
    // (undefined is not plain), and the check after it puts the bound back.
    while (PLAIN_IN_STRING[bytes[i]] === 1) i++;
    if (i >= end) return -1;
    const c = bytes[i];
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return -1;
    i = scanEscape(bytes, i + 1, end);
    if (i < 0) return -1;
  }
}

/** After a backslash: one of "\/bfnrt, or u and four hex digits. */
function scanEscape(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end) return -1;
  const c = bytes[i];
  if (SHORT_ESCAPE[c] === 1) return i + 1;
  if (c !== 0x75 || i + 5 > end) return -1;
  for (let k = 1; k <= 4; k++) if (HEX_DIGIT[bytes[i + k]] === 0) return -1;
  return i + 5;
}

/** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
function scanNumber(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] === MINUS) i++;
  if (i >= end || DIGIT[bytes[i]] === 0) return -1;
  i = bytes[i] === ZERO ? i + 1 : skipDigits(bytes, i + 1, end);
  if (i < end && bytes[i] === DOT) {
    const from = i + 1;
    i = skipDigits(bytes, from, end);
    if (i === from) return -1;
  }
  if (i < end && (bytes[i] | 0x20) === 0x65) {
    i++;
    if (i < end && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
    const from = i;
    i = skipDigits(bytes, from, end);
    if (i === from) return -1;
  }
  return i;
}

function skipDigits(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && DIGIT[bytes[i]] === 1) i++;
  return i;
}

function scanWord(bytes: Uint8Array, i: number, end: number, word: string): number {
  if (i + word.length > end) return -1;
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}
