import type net from 'node:net';
import { describe, expect, it } from 'vitest';
import { AnswerReader } from '../src/answer-reader';

const nextBuffer = (reader: AnswerReader) => (reader.onread.buffer as () => Uint8Array)();
const destinationHolding = (bytes: number) => ({ writableLength: bytes }) as net.Socket;

describe('answer reader', () => {
  it('reads every chunk into the same buffer while each write completes at once', () => {
    const reader = new AnswerReader();
    const first = nextBuffer(reader);
    reader.written(destinationHolding(0));
    expect(nextBuffer(reader)).toBe(first);
  });

  it('reads into a fresh buffer once a write still holds bytes, which may be in the old one', () => {
    const reader = new AnswerReader();
    const first = nextBuffer(reader);
    first.fill(7);
    reader.written(destinationHolding(100));
    const second = nextBuffer(reader);
    expect(second).not.toBe(first);
    second.fill(9);
    expect(first.every((byte) => byte === 7)).toBe(true);
  });

  it('hands each chunk on as a view of the bytes read, and passes on a request to stop reading', () => {
    const reader = new AnswerReader();
    const seen: string[] = [];
    reader.onChunk = (chunk) => {
      seen.push(chunk.toString());
      return seen.length < 2;
    };
    const buffer = nextBuffer(reader) as Buffer;
    buffer.write('hello');
    expect(reader.onread.callback(5, buffer)).toBe(true);
    buffer.write('bye');
    expect(reader.onread.callback(3, buffer)).toBe(false);
    expect(seen).toEqual(['hello', 'bye']);
  });
});
