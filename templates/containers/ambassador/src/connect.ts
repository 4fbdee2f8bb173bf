import net from 'node:net';
import type { UpstreamAddress } from './config';

/** Opens a TCP connection; swapped in tests to simulate an upstream that never answers. */
export type Connector = (address: UpstreamAddress) => net.Socket;

export const tcpConnect: Connector = ({ host, port }) =>
  // Half-open allowed: each direction is closed only when its sender is done.
  net.connect({ host, port, allowHalfOpen: true });

/**
 * Resolves with a connected socket, or rejects with a short reason for the app and the
 * logs: "connect timeout after 1000ms", "ECONNREFUSED", "ENOTFOUND", ...
 */
export function connectWithTimeout(connect: Connector, address: UpstreamAddress, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(address);
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
