import net from 'node:net';
import type { UpstreamAddress } from './config';

/**
 * Opens a TCP connection; swapped in tests to simulate an upstream that never answers.
 * `onread` (see answer-reader.ts) is passed on to net.connect; a socket made without it
 * works too, only slower.
 */
export type Connector = (address: UpstreamAddress, onread?: net.OnReadOpts) => net.Socket;

/** A plain connect, resolving the name each time (tests). */
export const tcpConnect: Connector = ({ host, port }, onread) => net.connect({ host, port, allowHalfOpen: true, onread });

/** Connects through a name cache (see resolver.ts); half-open allowed, each direction closed by its sender. */
export function tcpConnector(lookup: net.LookupFunction): Connector {
  return ({ host, port }, onread) => net.connect({ host, port, allowHalfOpen: true, lookup, onread });
}

/**
 * Resolves with a connected socket, or rejects with a short reason for the app and the
 * logs: "connect timeout after 1000ms", "ECONNREFUSED", "ENOTFOUND", ...
 */
export function connectWithTimeout(
  connect: Connector,
  address: UpstreamAddress,
  timeoutMs: number,
  onread?: net.OnReadOpts,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(address, onread);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect timeout after ${timeoutMs}ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    // Stays attached: a late error on a connected socket is a no-op here (the promise is
    // settled) and is handled by the proxy's own listener.
    socket.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(err.code ?? err.message));
    });
  });
}
