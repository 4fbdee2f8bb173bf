import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import type { AppConfig } from './config';
import { sendJson } from '../../../shared/send-json';
import type { StatusTracker } from './status';

/** Answers one request. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
/** A path's answers: one route for GET (and HEAD), or one per method, e.g. `{ GET: ..., POST: ... }`. */
export type PathRoutes = Route | Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Route>>;
export type Routes = Record<string, PathRoutes>;

export interface RouteContext {
  config: AppConfig;
  status: StatusTracker;
  /** False once shutdown has begun. */
  isReady: () => boolean;
}

/** The app's endpoints. Add your own here. */
export function appRoutes({ config, status, isReady }: RouteContext): Routes {
  return {
    '/': (_req, res) =>
      sendJson(res, 200, {
        service: config.serviceName,
        message: `Hello from ${config.serviceName}`,
        hostname: os.hostname(),
        time: new Date().toISOString(),
      }),
    // Liveness: the process answers. Never depends on anything else, or a slow
    // dependency would get the container restarted.
    '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    // Readiness: 503 while draining, so the Service stops sending new requests here.
    '/readyz': (_req, res) => (isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'draining' })),
    '/status': (_req, res) => sendJson(res, 200, status.report(config.serviceName, isReady())),
  };
}
