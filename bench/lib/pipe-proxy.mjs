// The smallest TCP proxy Node's public API allows, as a second baseline for the ambassador:
// pipe() both ways, no failover, no idle timeout, no health checks. What it costs per request
// is what any proxy written on Node pays; the gap from it to HAProxy is the runtime's.
import net from 'node:net';

const [listenPort, upstreamPort] = process.argv.slice(2).map(Number);

net
  .createServer({ allowHalfOpen: true }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: upstreamPort, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      // Either side failing ends both, as the ambassador does.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  })
  .listen(listenPort, '127.0.0.1');
