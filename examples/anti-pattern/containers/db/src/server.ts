import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  /** The port listened on: PORT, or the one picked when PORT is 0. */
  port: number;
  /** True once stop() was called. */
  isDraining(): boolean;
  /**
   * Graceful stop: no new connections, requests in flight get up to `drainMs` to finish
   * (a POST's answer waits for its sync), then what is left is cut. Resolves once all are closed.
   */
  stop(drainMs: number): Promise<void>;
}

/** Serves `handle` on `port` and tracks the requests in flight, so a stop can wait for them. */
export async function startServer(port: number, handle: http.RequestListener): Promise<RunningServer> {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  let lastRequestDone = () => {};
  const server = http.createServer((req, res) => {
    inFlight.add(res);
    // While draining, no keep-alive: each connection closes after its answer.
    if (draining) res.setHeader('Connection', 'close');
    const done = () => {
      inFlight.delete(res);
      if (inFlight.size === 0) lastRequestDone();
    };
    res.once('finish', done);
    res.once('close', done);
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopped: Promise<void> | undefined;
  const stop = (drainMs: number) => {
    stopped ??= (async () => {
      draining = true;
      const cutOff = setTimeout(() => server.closeAllConnections(), drainMs);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      // Idle keep-alive connections would otherwise hold close() open until they time out.
      server.closeIdleConnections();
      const allDone = new Promise<void>((resolve) => {
        if (inFlight.size === 0) resolve();
        else lastRequestDone = resolve;
      });
      await Promise.all([closed, allDone]);
      clearTimeout(cutOff);
    })();
    return stopped;
  };
  return { port: (server.address() as AddressInfo).port, isDraining: () => draining, stop };
}
