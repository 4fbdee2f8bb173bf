import type net from 'node:net';

/** Per upstream connection, allocated when it opens: 16 KiB, as HAProxy's default tune.bufsize. */
const READ_BUFFER_BYTES = 16 * 1024;

/**
 * Performance machinery (the proxy's logic is in proxy.ts): reads the upstream's answer with
 * less work per chunk than a Readable stream does. By default Node allocates a fresh 64 KiB
 * buffer for every read and passes the chunk through the stream machinery ('data', pipe());
 * with net.connect's `onread` option it reads into one buffer per connection, reused, and
 * calls `onChunk` directly. About a third of the ambassador's own CPU per request was that.
 *
 * The one danger of a reused buffer: a write of a chunk that did not complete at once still
 * points into it. Whoever writes a chunk calls `written(destination)`; if the destination
 * still holds bytes, the next read goes into a fresh buffer, so nothing is overwritten unsent.
 */
export class AnswerReader {
  private buffer: Buffer | null = null;

  /** Where each chunk goes; false stops reading until the socket is resumed. */
  onChunk: (chunk: Buffer) => boolean = () => true;

  /** For net.connect. Node asks `buffer` for the next read's memory after each chunk. */
  readonly onread: net.OnReadOpts = {
    buffer: () => {
      this.buffer ??= Buffer.allocUnsafe(READ_BUFFER_BYTES);
      return this.buffer;
    },
    callback: (bytes, buffer) => this.onChunk((buffer as Buffer).subarray(0, bytes)),
  };

  /** Call after writing a chunk to `destination`: the bytes it still holds may be in our buffer. */
  written(destination: net.Socket): void {
    if (destination.writableLength > 0) this.buffer = null;
  }
}
