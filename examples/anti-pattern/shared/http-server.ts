import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Why this file exists: after SIGTERM a pod still gets requests for a moment (the Service learns
 * late that it is going), and requests already in flight deserve their answer. So stopping is a
 * drain: refuse new connections, let each request in flight finish within `drainMs`, then cut
 * what is left. Every HTTP container here stops this same way.
 */
export interface RunningServer {
  /** The port listened on: PORT, or the one picked when PORT is 0. */
  port: number;
  /** True once stop() was called (a /readyz answers 503 from then on). */
  isDraining(): boolean;
  /** The drain: resolves once every connection is closed and every request is done. */
  stop(drainMs: number): Promise<void>;
}

/**
 * The most connections a server holds at once; one more is closed as soon as it is accepted.
 * Each costs memory for as long as its client keeps it: up to 16 KiB of headers in the parser,
 * and in the web front a body of up to BODY_MAX_BYTES, then the app's answer. Clients that send
 * slowly (a slowloris) would otherwise grow that past the container's memory limit, and the OOM
 * kill would take every request in flight with it. 500 connections at their largest fit well
 * inside the manifests' limits. The kubelet's probes come through the same door: a flood that
 * holds every slot for longer than the liveness probe tolerates (3 failures, 10 s apart) still
 * gets the container restarted, but after that half minute, not within seconds of an OOM.
 */
export const MAX_CONNECTIONS = 500;

export interface ServerOptions {
  /**
   * Called as each request starts; what it returns is called once that request is done (answered,
   * or its connection closed first: `aborted`), before stop() stops waiting for it.
   */
  onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => ((aborted: boolean) => void) | undefined;
}

/** Serves `handle` on `port` and tracks the requests in flight, so a stop can wait for them. */
export async function startServer(port: number, handle: http.RequestListener, options: ServerOptions = {}): Promise<RunningServer> {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  let lastRequestDone = () => {};
  const server = http.createServer((req, res) => {
    const requestDone = options.onRequest?.(req, res);
    inFlight.add(res);
    // While draining, no keep-alive: each connection closes after its answer.
    if (draining) res.setHeader('Connection', 'close');
    whenDone(res, (aborted) => {
      requestDone?.(aborted);
      inFlight.delete(res);
      if (inFlight.size === 0) lastRequestDone();
    });
    handle(req, res);
  });
  server.maxConnections = MAX_CONNECTIONS;
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
      // Answers not yet started will close their connection when done; idle keep-alive
      // connections would otherwise hold close() open until they time out.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
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

/** Calls `done` once, when the answer is complete or the connection closed before that. */
function whenDone(res: http.ServerResponse, done: (aborted: boolean) => void): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done(!res.writableFinished);
  };
  res.once('finish', once);
  res.once('close', once);
}
