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

export function readConfig(env: NodeJS.ProcessEnv): UpstreamConfig {
  return {
    port: integer(env, 'PORT', 0, 65535),
    name: required(env, 'UPSTREAM_NAME'),
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS === undefined ? DEFAULT_SHUTDOWN_DRAIN_MS : integer(env, 'SHUTDOWN_DRAIN_MS', 0, 600_000),
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number {
  const text = required(env, name);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`environment variable ${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
