import type http from 'node:http';
import { startServer as startHttpServer } from '../../../shared/http-server';
import type { FinishedRequest, RunningPart } from './app-part';
import type { AppConfig } from './config';
import { log } from './log';
import { sendJson } from '../../../shared/send-json';
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
  const parts = options.parts ?? [];
  let isDraining = () => false;
  const routes: Routes = Object.assign(
    appRoutes({ config, status, isReady: () => !isDraining() }),
    ...parts.map((part) => part.routes),
    options.routes,
  );

  // The drain is the one every HTTP container shares; the app adds its count and its parts' hooks.
  const server = await startHttpServer(config.port, (req, res) => dispatch(routes, pathOf(req), req, res), {
    onRequest: (req, res) => {
      const startedAt = performance.now();
      status.requestStarted();
      return (aborted) => {
        const durationMs = performance.now() - startedAt;
        status.requestFinished(res.statusCode, durationMs / 1000);
        const finished: FinishedRequest = {
          time: new Date().toISOString(),
          method: req.method ?? '',
          path: pathOf(req),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 1000) / 1000,
          ...(aborted ? { aborted: true } : {}),
        };
        // Before the request counts as done: stop() resolves only once every part has seen it.
        for (const part of parts) part.onRequestDone?.(finished);
      };
    },
  });
  isDraining = server.isDraining;
  return { port: server.port, status, stop: () => server.stop(config.shutdownDrainMs) };
}

function pathOf(req: http.IncomingMessage): string {
  return (req.url ?? '/').split('?')[0];
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
