import type net from 'node:net';

/**
 * What the client sent before the answer began, kept so it can be sent again to the next
 * upstream if this one fails first (as HAProxy's L7 retries and Envoy's retries keep the
 * request). Bounded: once more than `capBytes` went by, the copy is dropped and `replayable`
 * turns false: the request is still forwarded, but cannot be retried elsewhere.
 *
 * While no upstream is attached, the bytes wait here, and past the cap the client is paused
 * (the kernel holds the rest), so memory stays bounded either way.
 */
export class HeldRequest {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** The client has sent its FIN: pass it on after the bytes. */
  private ended = false;
  private sink: net.Socket | null = null;
  private dropped = false;
  /** Called once the first bytes of the request reached the attached upstream. */
  private onSent: () => void = () => {};

  constructor(
    private readonly client: net.Socket,
    private readonly capBytes: number,
  ) {
    client.on('data', this.onData);
    client.on('end', this.onEnd);
    client.resume();
  }

  /** False once some of the request is no longer held: sending it elsewhere would send half. */
  get replayable(): boolean {
    return !this.dropped;
  }

  /**
   * The client finished without sending a byte (a port probe, say): an upstream that then
   * closes owes it nothing, and has not failed.
   */
  get endedEmpty(): boolean {
    return this.ended && this.bytes === 0;
  }

  /** Sends everything held so far to `upstream`, then what comes next as it comes. */
  attach(upstream: net.Socket, onSent: () => void): void {
    this.sink = upstream;
    this.onSent = onSent;
    for (const chunk of this.chunks) upstream.write(chunk);
    // Held past the cap only because no upstream could take it yet: never sent twice.
    if (this.bytes > this.capBytes) this.drop();
    if (this.ended) upstream.end();
    if (this.bytes > 0) onSent();
    this.flowControl();
  }

  /** The attached upstream failed: hold on, for the next one. */
  detach(): void {
    if (this.sink) this.sink.off('drain', this.resume);
    this.sink = null;
  }

  /**
   * The answer has begun: no retry will ever happen now. Stops holding and hands the
   * client's direction to pipe(): from here on, no JavaScript of ours runs per chunk.
   */
  commit(upstream: net.Socket): void {
    this.release();
    if (!this.ended) this.client.pipe(upstream);
  }

  /** Stops listening and holding (the 502 path reads and drops the rest itself). */
  release(): void {
    this.detach();
    this.client.off('data', this.onData);
    this.client.off('end', this.onEnd);
    this.chunks = [];
  }

  private readonly onData = (chunk: Buffer) => {
    const first = this.bytes === 0;
    this.bytes += chunk.length;
    if (this.sink) {
      this.sink.write(chunk);
      if (this.bytes > this.capBytes) this.drop();
      if (first) this.onSent();
    }
    if (!this.dropped) this.chunks.push(chunk);
    this.flowControl();
  };

  private readonly onEnd = () => {
    this.ended = true;
    this.sink?.end();
  };

  private drop(): void {
    this.dropped = true;
    this.chunks = [];
  }

  /**
   * Pauses the client while the upstream is not draining, or, with none attached, once the
   * cap is reached; lets it flow otherwise.
   */
  private flowControl(): void {
    const sink = this.sink;
    if (!(sink ? sink.writableNeedDrain : this.bytes >= this.capBytes)) {
      this.client.resume();
      return;
    }
    this.client.pause();
    if (sink) {
      sink.off('drain', this.resume);
      sink.once('drain', this.resume);
    }
  }

  private readonly resume = () => {
    if (this.sink && !this.sink.writableNeedDrain) this.client.resume();
  };
}
