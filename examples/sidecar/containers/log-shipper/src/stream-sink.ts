import { once } from 'node:events';

/**
 * Writes batches to a stream, waiting for 'drain' when it is full: if the reader of
 * stdout is slow, the shipper slows down instead of piling lines up in memory.
 */
export function streamSink(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}
