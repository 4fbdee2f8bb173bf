import { type Env, readEnv } from '../../../shared/env';

/** Everything this container needs, read from the environment the manifest sets. */
export interface UpstreamConfig {
  /** Port to serve HTTP on, all interfaces (0 picks a free one, for tests). */
  port: number;
  /** Which demo upstream this is ("primary" or "backup"), echoed in every answer. */
  name: string;
  /** After SIGTERM, how long in-flight requests may take before connections are cut. */
  shutdownDrainMs: number;
}

/** Used when SHUTDOWN_DRAIN_MS is not set; well inside the pod's termination grace period. */
const DEFAULT_SHUTDOWN_DRAIN_MS = 5000;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): UpstreamConfig {
  return readEnv(env, (read) => ({
    port: read.integer('PORT', 0, 65535),
    name: read.text('UPSTREAM_NAME'),
    shutdownDrainMs: read.integerOr('SHUTDOWN_DRAIN_MS', DEFAULT_SHUTDOWN_DRAIN_MS, 0, 600_000),
  }));
}
