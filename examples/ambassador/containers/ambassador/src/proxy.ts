import net from 'node:net';
import { AnswerReader } from './answer-reader';
import { badGatewayResponse, type Attempt } from './bad-gateway';
import { connectWithTimeout, tcpConnect, type Connector } from './connect';
import { HeldRequest } from './held-request';
import { IdleSweep } from './idle-sweep';
import type { log as jsonLog } from './log';
import type { Upstream, UpstreamPool } from './upstreams';

export interface ProxyOptions {
  pool: UpstreamPool;
  connectTimeoutMs: number;
  firstByteTimeoutMs: number;
  replayBufferBytes: number;
  idleTimeoutMs: number;
  /** How to open upstream connections; tests swap it, production uses plain TCP. */
  connect?: Connector;
  log?: typeof jsonLog;
}

/** How one try of one upstream ended. */
type Outcome = { answered: true } | { answered: false; error: string } | { aborted: true } | { closedEmpty: true };

/**
 * The TCP proxy. It moves bytes and never parses them, so the app may speak HTTP,
 * gRPC or a database protocol through it (only the "no upstream" answer is HTTP).
 *
 * Until the first byte of the answer, a failure of the upstream (refused, reset, closed,
 * no answer within FIRST_BYTE_TIMEOUT_MS) costs the client nothing: the request bytes are
 * still held, and go to the next upstream, each upstream tried at most once. From the first
 * byte on, it never retries (the client would get two answers), and the two sockets are
 * joined: the request side with pipe(), the answer side by answer-reader.ts.
 */
export function createProxyServer(options: ProxyOptions): net.Server {
  const connect = options.connect ?? tcpConnect;
  const idle = new IdleSweep(options.idleTimeoutMs);
  // pauseOnConnect: nothing is read before the handler holds the bytes. allowHalfOpen: a
  // client that has finished sending can still receive the whole answer.
  return net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (client) => {
    // An error destroys the socket by itself; without a listener it would crash the process.
    client.on('error', ignore);
    client.setNoDelay(true);
    // Bytes read from and written to the client both count, so it sees traffic in either
    // direction: only a connection idle both ways is closed.
    idle.watch(client);
    // Nothing in there is expected to throw; if it ever does, drop this connection, not the process.
    proxyWithRetries(client, options, connect).catch(() => client.destroy());
  });
}

async function proxyWithRetries(client: net.Socket, options: ProxyOptions, connect: Connector): Promise<void> {
  const request = new HeldRequest(client, options.replayBufferBytes);
  const attempts: Attempt[] = [];
  const candidates = options.pool.candidates();
  for (const upstream of candidates) {
    const outcome = await tryUpstream(client, request, upstream, options, connect);
    if ('aborted' in outcome || 'closedEmpty' in outcome) return request.release();
    if (outcome.answered) return options.pool.answered(upstream);
    options.pool.failed(upstream, outcome.error);
    if (!request.replayable) {
      // Part of the request is gone: the next upstream would get half of it.
      const error = `${outcome.error}; not retried: the request is longer than REPLAY_BUFFER_BYTES (${options.replayBufferBytes})`;
      options.log?.('warn', 'not_retried', { upstream: upstream.address.label, error, replayBufferBytes: options.replayBufferBytes });
      attempts.push({ upstream: upstream.address.label, error });
      break;
    }
    attempts.push({ upstream: upstream.address.label, error: outcome.error });
  }
  request.release();
  // Name every upstream, the ones skipped as down too, so the app sees the whole picture.
  if (!client.destroyed) answerBadGateway(client, [...attempts, ...options.pool.skipped(candidates)]);
}

/** Connects, sends what the client sent, and waits for the first byte of the answer. */
async function tryUpstream(
  client: net.Socket,
  request: HeldRequest,
  upstream: Upstream,
  options: ProxyOptions,
  connect: Connector,
): Promise<Outcome> {
  if (client.destroyed) return { aborted: true };
  let socket: net.Socket;
  const answer = new AnswerReader();
  try {
    socket = await connectWithTimeout(connect, upstream.address, options.connectTimeoutMs, answer.onread);
  } catch (err) {
    return client.destroyed ? { aborted: true } : { answered: false, error: (err as Error).message };
  }
  if (client.destroyed) {
    socket.destroy();
    return { aborted: true };
  }
  socket.setNoDelay(true);
  return new Promise<Outcome>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: Outcome) => {
      clearTimeout(timer);
      answer.onChunk = ignoreChunk;
      socket.off('end', onEnd).off('error', onError);
      client.off('close', onClientClose);
      if (!('answered' in outcome && outcome.answered) && !('closedEmpty' in outcome)) {
        request.detach();
        socket.destroy();
      }
      resolve(outcome);
    };
    const onFirstByte = (chunk: Buffer) => {
      settle({ answered: true });
      request.commit(socket);
      return joinAnswered(client, socket, answer)(chunk);
    };
    const onEnd = () => {
      if (!request.endedEmpty) return settle({ answered: false, error: 'closed before answering' });
      // Nothing asked, nothing answered: pass the close on, as a plain proxy would.
      settle({ closedEmpty: true });
      client.end();
      socket.end();
    };
    const onError = (err: NodeJS.ErrnoException) => settle({ answered: false, error: err.code ?? err.message });
    const onClientClose = () => settle({ aborted: true });
    answer.onChunk = onFirstByte;
    // Only a socket made without answer.onread emits 'data' (a test's connector).
    socket.on('data', (chunk: Buffer) => answer.onChunk(chunk) || socket.pause());
    socket.on('end', onEnd).on('error', onError);
    client.on('close', onClientClose);
    // The clock starts once the request has reached the upstream: to an idle client (a pooled
    // connection not used yet, a port probe) the upstream owes no answer.
    request.attach(socket, () => {
      timer ??= setTimeout(
        () => settle({ answered: false, error: `no answer within ${options.firstByteTimeoutMs}ms` }),
        options.firstByteTimeoutMs,
      );
    });
  });
}

/**
 * After the first byte: the request flows through pipe(), the answer through `answer`, as
 * pipe() would carry it (each chunk written, the upstream paused while the client is full,
 * its FIN passed on). Returns what carries each chunk of the answer.
 */
function joinAnswered(client: net.Socket, upstream: net.Socket, answer: AnswerReader): (chunk: Buffer) => boolean {
  const destroyBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  // When one side closes, the other goes too, unless both directions ended cleanly
  // (each side sent its FIN): then the survivor is only flushing its last bytes.
  const onClose = () => {
    if (!(client.writableEnded && upstream.writableEnded)) destroyBoth();
  };
  client.once('close', onClose);
  upstream.once('close', onClose);
  // As pipe() does: the upstream's end is passed on as a FIN, not a close.
  upstream.once('end', () => client.end());
  const resumeUpstream = () => upstream.resume();
  const carry = (chunk: Buffer) => {
    const flowing = client.write(chunk);
    answer.written(client);
    if (!flowing) client.once('drain', resumeUpstream);
    return flowing;
  };
  answer.onChunk = carry;
  return carry;
}

function answerBadGateway(client: net.Socket, attempts: Attempt[]): void {
  // Read and drop what the client sent: closing a socket with unread bytes resets the
  // connection, and the client could lose the answer.
  client.resume();
  client.end(badGatewayResponse(attempts));
}

function ignore(): void {}

function ignoreChunk(): boolean {
  return true;
}
