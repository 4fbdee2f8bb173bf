import type net from 'node:net';

/**
 * Performance machinery: closes connections that carried no byte either way for `idleMs`.
 * socket.setTimeout() would do it too, but it re-arms its timer on every read and every
 * write. Instead one timer looks at each connection's byte counters four times per `idleMs`
 * and closes those where nothing moved for the whole of it: never earlier than `idleMs`
 * after the last byte, at most a quarter of it later.
 */
export class IdleSweep {
  private readonly watched = new Map<net.Socket, { bytes: number; since: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs: number) {}

  watch(socket: net.Socket): void {
    this.watched.set(socket, { bytes: bytesMoved(socket), since: performance.now() });
    socket.once('close', () => {
      this.watched.delete(socket);
      if (this.watched.size === 0) this.stop();
    });
    // Unref'd: a sweep never keeps the process alive, and none runs without connections.
    this.timer ??= setInterval(() => this.sweep(), Math.max(1, Math.ceil(this.idleMs / 4))).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sweep(): void {
    const now = performance.now();
    for (const [socket, last] of this.watched) {
      const bytes = bytesMoved(socket);
      if (bytes !== last.bytes) {
        last.bytes = bytes;
        last.since = now;
      } else if (now - last.since >= this.idleMs) socket.destroy();
    }
  }
}

function bytesMoved(socket: net.Socket): number {
  return socket.bytesRead + socket.bytesWritten;
}
