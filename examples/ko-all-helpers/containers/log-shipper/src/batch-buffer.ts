const BILLION = 1_000_000_000;

/**
 * One allocation for a batch, reused: the bytes read from the file at the front, the lines
 * formatted from them behind. Being one buffer, a line is copied to the output with
 * copyWithin, a plain memmove; Buffer#copy between two buffers allocates a view per call,
 * which at a million lines costs more than all the rest.
 *
 * The output has two areas used in turn (takeOutput): one batch is formatted in one while
 * the batch before it, in the other, is still being written.
 */
export class BatchBuffer {
  /** Where the file's bytes are read to: offsets in `bytes` and in `input` are the same. */
  readonly input: Buffer;
  private readonly bytes: Buffer;
  private readonly outputBytes: number;
  /** Where the area being filled starts. */
  private outputStart: number;
  /** Output bytes so far. */
  length = 0;

  /**
   * @param outputBytes room enough for the largest line the input can hold, formatted (in each area)
   * @param flushAt output size at which a batch is written even if more input is waiting
   */
  constructor(
    inputBytes: number,
    outputBytes: number,
    private readonly flushAt = outputBytes,
  ) {
    // allocUnsafe: pages are only touched (and counted in RSS) as they are used.
    this.bytes = Buffer.allocUnsafe(inputBytes + 2 * outputBytes);
    this.input = this.bytes.subarray(0, inputBytes);
    this.outputBytes = outputBytes;
    this.outputStart = inputBytes;
  }

  /** True once the output should be written before more is added. */
  get full(): boolean {
    return this.length >= this.flushAt;
  }

  /** Free output bytes. */
  get room(): number {
    return this.outputBytes - this.length;
  }

  /** Appends input[start, end) to the output. The caller checks `room` first. */
  appendInput(start: number, end: number): void {
    this.bytes.copyWithin(this.outputStart + this.length, start, end);
    this.length += end - start;
  }

  /** Appends a whole small buffer (a prefix), or one byte. */
  append(bytes: Uint8Array | number): void {
    if (typeof bytes === 'number') {
      this.bytes[this.outputStart + this.length++] = bytes;
    } else {
      this.bytes.set(bytes, this.outputStart + this.length);
      this.length += bytes.length;
    }
  }

  /** Appends a whole number in decimal: a line's offset, written without making a string. */
  appendInteger(value: number): void {
    // In steps on 32-bit integers (`| 0`) rather than float division and `%`, which showed in
    // profiles: an offset of 10^9 or more is written as its high part, then nine digits.
    if (value >= BILLION) {
      const high = Math.floor(value / BILLION);
      this.appendDigits(high, 1);
      this.appendDigits(value - high * BILLION, 9);
    } else {
      this.appendDigits(value, 1);
    }
  }

  /** `value` (below 10^9) in decimal, padded with zeros to at least `minDigits` digits. */
  private appendDigits(value: number, minDigits: number): void {
    let digits = 1;
    for (let power = 10; power <= value; power *= 10) digits++;
    if (digits < minDigits) digits = minDigits;
    const at = this.outputStart + this.length;
    for (let k = digits - 1, rest = value; k >= 0; k--) {
      const next = (rest / 10) | 0;
      this.bytes[at + k] = 0x30 + rest - next * 10;
      rest = next;
    }
    this.length += digits;
  }

  /** Appends text as UTF-8 if it fits; returns false (appending nothing) if not. */
  appendString(text: string): boolean {
    if (Buffer.byteLength(text) > this.room) return false;
    this.length += this.bytes.write(text, this.outputStart + this.length);
    return true;
  }

  /** The output so far, in the area being filled. */
  output(): Buffer {
    return this.bytes.subarray(this.outputStart, this.outputStart + this.length);
  }

  /**
   * The output so far, to be written, and an empty output in the other area: the bytes
   * returned stay as they are until the next takeOutput but one.
   */
  takeOutput(): Buffer {
    const output = this.output();
    this.outputStart = this.input.length + (this.outputStart === this.input.length ? this.outputBytes : 0);
    this.length = 0;
    return output;
  }

  /** Moves input[start, end) to the front of the input, to be completed by the next read. */
  keepInput(start: number, end: number): void {
    this.bytes.copyWithin(0, start, end);
  }
}
