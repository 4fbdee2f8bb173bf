/** One upstream from UPSTREAMS. */
export interface UpstreamAddress {
  host: string;
  port: number;
  /** "host:port", as written in UPSTREAMS; used in logs, health and error bodies. */
  label: string;
}

/** Everything this container needs, read from the environment the manifest sets. */
export interface AmbassadorConfig {
  /** Where the app reaches the proxy; 127.0.0.1 keeps it inside the pod. */
  listenHost: string;
  listenPort: number;
  /** Health endpoint for the kubelet's probes, on all interfaces. */
  healthPort: number;
  /** In order of preference. */
  upstreams: UpstreamAddress[];
  connectTimeoutMs: number;
  /** A proxied connection with no bytes either way for this long is closed. */
  idleTimeoutMs: number;
  /** A failed upstream is skipped this long before it is tried again. */
  retryAfterMs: number;
  /** Upstream names are resolved again in the background once their answer is this old. */
  dnsRefreshMs: number;
  /**
   * After SIGTERM, how long the proxy keeps accepting and proxying new connections (the
   * app may still be draining); then the connections still open get as long again before
   * they are cut.
   */
  shutdownDrainMs: number;
}

/** Used when SHUTDOWN_DRAIN_MS is not set; well inside the pod's termination grace period. */
const DEFAULT_SHUTDOWN_DRAIN_MS = 5000;

export function readConfig(env: NodeJS.ProcessEnv): AmbassadorConfig {
  return {
    listenHost: required(env, 'LISTEN_HOST'),
    listenPort: integer(env, 'LISTEN_PORT', 0, 65535),
    healthPort: integer(env, 'HEALTH_PORT', 0, 65535),
    upstreams: required(env, 'UPSTREAMS')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map(parseUpstream),
    connectTimeoutMs: integer(env, 'CONNECT_TIMEOUT_MS', 1, 600_000),
    idleTimeoutMs: integer(env, 'IDLE_TIMEOUT_MS', 1, 86_400_000),
    retryAfterMs: integer(env, 'RETRY_AFTER_MS', 0, 86_400_000),
    dnsRefreshMs: integer(env, 'DNS_REFRESH_MS', 0, 86_400_000),
    shutdownDrainMs:
      env.SHUTDOWN_DRAIN_MS === undefined ? DEFAULT_SHUTDOWN_DRAIN_MS : integer(env, 'SHUTDOWN_DRAIN_MS', 0, 600_000),
  };
}

/** "host:port", or "[ipv6]:port". */
function parseUpstream(label: string): UpstreamAddress {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d+)$/.exec(label);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new Error(`environment variable UPSTREAMS must be a comma-separated list of host:port, got "${label}"`);
  }
  return { host: match[1] ?? match[2], port, label };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new Error(`environment variable ${name} is not set`);
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
