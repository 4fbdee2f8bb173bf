import type http from 'node:http';

/**
 * Stops an HTTP server the way Kubernetes expects after SIGTERM: refuse new connections,
 * let requests in flight finish, and cut what is left after `drainMs` so the pod stops
 * before the kubelet's SIGKILL.
 */
export function closeGracefully(server: http.Server, drainMs: number): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), drainMs);
    cutOff.unref();
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    // Idle keep-alive connections would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  });
}

/** Runs `stop` once on SIGTERM (Kubernetes) or SIGINT (Ctrl-C in `npm run dev`). */
export function onTermination(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
