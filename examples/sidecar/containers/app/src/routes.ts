import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import type { AppConfig } from './config';
import { sendJson } from './respond';
import type { StatusTracker } from './status';
import { getUpstream } from './upstream';

/** Answers a GET (or HEAD) of one path. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Routes = Record<string, Route>;

export interface RouteContext {
  config: AppConfig;
  status: StatusTracker;
  /** False once shutdown has begun. */
  isReady: () => boolean;
}

/** The app's endpoints. Add your own here. */
export function appRoutes({ config, status, isReady }: RouteContext): Routes {
  const routes: Routes = {
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
  const upstream = config.upstream;
  if (upstream) {
    // The app knows one address, the ambassador on loopback; it owns the way out.
    routes['/upstream'] = async (_req, res) => {
      const answer = await getUpstream(upstream.url, upstream.timeoutMs);
      if (answer.ok) sendJson(res, 200, { via: 'ambassador', upstream: answer.body });
      else sendJson(res, 502, { error: answer.error, detail: answer.detail });
    };
  }
  return routes;
}
