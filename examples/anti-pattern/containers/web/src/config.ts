import { type Env, type EnvReader, readEnv } from '../../../shared/env';

/** Everything the web front needs, read from the environment its manifest sets. */
export interface WebConfig {
  /** Port to serve HTTP on, all interfaces (0 picks a free one, for tests). */
  port: number;
  /** The workload's name, the page's title. */
  serviceName: string;
  /** After SIGTERM, how long in-flight requests may take before connections are cut. */
  shutdownDrainMs: number;
  /** Where /api/<rest> goes: the app's Service in the fix, 127.0.0.1:<app port> in the one-pod design. */
  appUrl: URL;
  /** How long the app may take to answer in full before the front answers 503. */
  appTimeoutMs: number;
  /** The largest body passed either way: a request's (413 past it) and the app's answer (502 past it). */
  bodyMaxBytes: number;
}

/** Used when BODY_MAX_BYTES is not set: far above what the visit counter sends, far below what would strain memory. */
export const DEFAULT_BODY_MAX_BYTES = 64 * 1024;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): WebConfig {
  return readEnv(env, (read) => ({
    port: read.integer('PORT', 0, 65535),
    serviceName: read.text('SERVICE_NAME'),
    shutdownDrainMs: read.integer('SHUTDOWN_DRAIN_MS', 0, 600_000),
    appUrl: httpUrl(read, 'APP_URL'),
    appTimeoutMs: read.integer('APP_TIMEOUT_MS', 1, 600_000),
    bodyMaxBytes: read.integerOr('BODY_MAX_BYTES', DEFAULT_BODY_MAX_BYTES, 1, 64 * 1024 * 1024),
  }));
}

/** A base URL the front can put /api/<rest> after: http, with no query or fragment to get in the way. */
function httpUrl(read: EnvReader, name: string): URL {
  const value = read.text(name);
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (value !== '' && (url?.protocol !== 'http:' || url.search !== '' || url.hash !== '')) {
    read.problem(`${name} must be an http:// URL such as http://shop-app:80, got "${value}"`);
  }
  return url ?? new URL('http://invalid');
}
