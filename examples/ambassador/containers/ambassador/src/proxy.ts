import net from 'node:net';
import { badGatewayResponse, type Attempt } from './bad-gateway';
import { connectWithTimeout, tcpConnect, type Connector } from './connect';
import type { UpstreamPool } from './upstreams';

export interface ProxyOptions {
  pool: UpstreamPool;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  /** How to open upstream connections; tests swap it, production uses plain TCP. */
  connect?: Connector;
}

/**
 * The TCP proxy. It moves bytes and never parses them, so the app may speak HTTP,
 * gRPC or a database protocol through it (only the "no upstream" answer is HTTP).
 */
export function createProxyServer(options: ProxyOptions): net.Server {
  const connect = options.connect ?? tcpConnect;
  // pauseOnConnect: the client's first bytes wait in the kernel until an upstream is
  // connected, then pipe() forwards them. allowHalfOpen: a client that has finished
  // sending can still receive the whole answer.
  return net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (client) => {
    // An error destroys the socket by itself; without a listener it would crash the process.
    client.on('error', ignore);
    // Nothing in there is expected to throw; if it ever does, drop this connection, not the process.
    proxyToFirstReachable(client, options, connect).catch(() => client.destroy());
  });
}

async function proxyToFirstReachable(client: net.Socket, options: ProxyOptions, connect: Connector): Promise<void> {
  const attempts: Attempt[] = [];
  const candidates = options.pool.candidates();
  for (const upstream of candidates) {
    if (client.destroyed) return;
    let socket: net.Socket;
    try {
      socket = await connectWithTimeout(connect, upstream.address, options.connectTimeoutMs);
    } catch (err) {
      const reason = (err as Error).message;
      options.pool.markDown(upstream, reason);
      attempts.push({ upstream: upstream.address.label, error: reason });
      continue;
    }
    options.pool.markUp(upstream);
    if (client.destroyed) socket.destroy();
    else splice(client, socket, options.idleTimeoutMs);
    return;
  }
  // Name every upstream, the ones skipped as recently failed too, so the app sees the whole picture.
  if (!client.destroyed) answerBadGateway(client, [...attempts, ...options.pool.skipped(candidates)], options.idleTimeoutMs);
}

/** Joins two sockets: bytes flow both ways through pipe(), with no JS of ours per chunk. */
function splice(client: net.Socket, upstream: net.Socket, idleTimeoutMs: number): void {
  client.setNoDelay(true);
  upstream.setNoDelay(true);

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
  // Reads from and writes to the client both reset this timer, so it sees traffic in
  // either direction: it fires only when the connection is idle, e.g. a hung upstream.
  client.setTimeout(idleTimeoutMs, destroyBoth);

  // pipe() ends the destination when the source ends: a FIN is passed on, not a close.
  client.pipe(upstream);
  upstream.pipe(client);
}

function answerBadGateway(client: net.Socket, attempts: Attempt[], idleTimeoutMs: number): void {
  // Read and drop what the client sent: closing a socket with unread bytes resets the
  // connection, and the client could lose the answer.
  client.resume();
  client.setTimeout(idleTimeoutMs, () => client.destroy());
  client.end(badGatewayResponse(attempts));
}

function ignore(): void {}
