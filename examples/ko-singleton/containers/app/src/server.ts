import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FinishedRequest, RunningPart } from './app-part';
import type { AppConfig } from './config';
import { log } from './log';
import { sendJson } from './respond';
import { appRoutes, type PathRoutes, type Route, type Routes } from './routes';
import { StatusTracker } from './status';

export interface ServerOptions {
  /** The app's optional parts, started (src/parts.ts lists them): their routes and request hooks. */
  parts?: RunningPart[];
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
  const parts = options.parts ?? [];
  const routes: Routes = Object.assign(
    appRoutes({ config, status, isReady: () => !draining }),
    ...parts.map((part) => part.routes),
    options.routes,
  );

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
      const finished: FinishedRequest = {
        time: new Date().toISOString(),
        method: req.method ?? '',
        path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 1000) / 1000,
        ...(aborted ? { aborted: true } : {}),
      };
      // Before the request counts as done: stop() resolves only once every part has seen it.
      for (const part of parts) part.onRequestDone?.(finished);
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
  const answers = Object.hasOwn(routes, path) ? byMethod(routes[path]!) : undefined;
  if (!answers) {
    sendJson(res, 404, { error: 'not found', path });
    return;
  }
  // HEAD is answered as GET; Node leaves the body out.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? '');
  const route = Object.hasOwn(answers, method) ? answers[method] : undefined;
  if (!route) {
    const methods = Object.keys(answers);
    res.setHeader('Allow', (methods.includes('GET') ? [...methods, 'HEAD'] : methods).join(', '));
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

function byMethod(answers: PathRoutes): Record<string, Route | undefined> {
  return typeof answers === 'function' ? { GET: answers } : answers;
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
