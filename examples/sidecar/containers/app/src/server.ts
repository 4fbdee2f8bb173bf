import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessLog } from './access-log';
import type { AppConfig } from './config';
import { log } from './log';
import { sendJson } from './respond';
import { appRoutes, type Routes } from './routes';
import { StatusTracker } from './status';

export interface ServerOptions {
  /** Where to log every request (sidecar pattern). */
  accessLog?: AccessLog;
  /** Extra routes, added to (or replacing) the app's own. */
  routes?: Routes;
}

export interface AppServer {
  /** The port listened on: PORT, or the one picked when PORT is 0. */
  port: number;
  status: StatusTracker;
  /**
   * Graceful stop: /readyz turns 503, no new connections, requests in flight get up to
   * SHUTDOWN_DRAIN_MS to finish, then what is left is cut. Resolves once all are closed.
   */
  stop(): Promise<void>;
}

export async function startServer(config: AppConfig, options: ServerOptions = {}): Promise<AppServer> {
  const status = new StatusTracker();
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  let lastRequestDone = () => {};
  const routes: Routes = { ...appRoutes({ config, status, isReady: () => !draining }), ...options.routes };

  const server = http.createServer((req, res) => {
    const startedAt = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    status.requestStarted();
    inFlight.add(res);
    // While draining, no keep-alive: each connection closes after its answer.
    if (draining) res.setHeader('Connection', 'close');
    whenDone(res, (aborted) => {
      const durationMs = performance.now() - startedAt;
      status.requestFinished(res.statusCode, durationMs / 1000);
      writeAccessLog(options.accessLog, {
        time: new Date().toISOString(),
        method: req.method ?? '',
        path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 1000) / 1000,
        ...(aborted ? { aborted: true } : {}),
      });
      inFlight.delete(res);
      if (inFlight.size === 0) lastRequestDone();
    });
    dispatch(routes, path, req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      draining = true;
      const cutOff = setTimeout(() => server.closeAllConnections(), config.shutdownDrainMs);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Answers not yet started will close their connection when done; idle keep-alive
      // connections would otherwise hold close() open until they time out.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.closeIdleConnections();
      // Done when every connection is closed and every request is counted and logged.
      const allDone = new Promise<void>((resolve) => {
        if (inFlight.size === 0) resolve();
        else lastRequestDone = resolve;
      });
      await Promise.all([closed, allDone]);
      clearTimeout(cutOff);
    })();
    return stopped;
  };

  return { port: (server.address() as AddressInfo).port, status, stop };
}

function dispatch(routes: Routes, path: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (!route) {
    sendJson(res, 404, { error: 'not found', path });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendJson(res, 405, { error: 'method not allowed', method: req.method, path });
    return;
  }
  Promise.resolve()
    .then(() => route(req, res))
    .catch((err: Error) => {
      log('error', 'request failed', { path, error: err.message });
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'internal error' });
    });
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

function writeAccessLog(accessLog: AccessLog | undefined, entry: Parameters<AccessLog['write']>[0]): void {
  try {
    accessLog?.write(entry);
  } catch (err) {
    // A full disk must not take the app down with it.
    log('error', 'access log write failed', { error: (err as Error).message });
  }
}
