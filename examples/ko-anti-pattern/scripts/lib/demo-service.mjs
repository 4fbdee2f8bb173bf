// A Service, as kube-proxy makes one: a local port that hands each new connection to the next
// ready endpoint, round robin. With no ready endpoint the connection is refused at once (reset),
// as a Service with no endpoints rejects it.
import { connect, createServer } from 'node:net';

/** `endpoints()` gives the `{ host, port }` of the ready pods, asked at each connection. */
export function startService(endpoints) {
  let next = 0;
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    const ready = endpoints();
    if (ready.length === 0) return reset(client);
    const { host, port } = ready[next++ % ready.length];
    const upstream = connect(port, host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    // Either side failing ends both, as a dropped TCP connection would.
    upstream.on('error', () => reset(client));
    client.on('error', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listening = new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    listening: listening.then(() => server.address().port),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const reset = (socket) => (socket.resetAndDestroy ? socket.resetAndDestroy() : socket.destroy());
