/**
 * Writes batches to a stream and resolves once the stream has handed each one on (to the
 * kernel, for stdout): so a slow reader of stdout slows the shipper down instead of
 * piling lines up in memory, the offset is saved only for lines really written, and the
 * shipper may reuse its buffer.
 */
export function streamSink(stream: NodeJS.WritableStream): (chunk: string | Uint8Array) => Promise<void> {
  return (chunk) =>
    new Promise((resolve, reject) => {
      stream.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
}
