import type { IncomingMessage } from 'node:http';

/**
 * Keeps the body of `message` (a request, or an answer) up to `maxBytes`: a container keeps no
 * more of what a peer sends than its memory limit allows. Over that, told up front by the
 * Content-Length or found as the bytes come, the message is paused, `tooLarge` is called once
 * and nothing more is kept. Returns the body kept so far, joined: read it on 'end'.
 */
export function keepBody(message: IncomingMessage, maxBytes: number, tooLarge: () => void): () => Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  const refuse = () => {
    message.pause();
    tooLarge();
  };
  if (Number(message.headers['content-length'] ?? 0) > maxBytes) refuse();
  else {
    message.on('data', (chunk: Buffer) => {
      if (size > maxBytes) return;
      size += chunk.length;
      if (size > maxBytes) refuse();
      else chunks.push(chunk);
    });
  }
  return () => Buffer.concat(chunks);
}
