/** Everything this container needs, read from the environment the manifest sets. */
export interface AdapterConfig {
  /** Port for Prometheus to scrape, all interfaces (0 picks a free one, for tests). */
  listenPort: number;
  metricsPath: string;
  /** Where the app publishes its own JSON status. */
  appStatusUrl: URL;
  /** How long one read of the app status may take; Prometheus's own scrape timeout is 10 s by default. */
  scrapeTimeoutMs: number;
  /** Put in front of every app metric name, e.g. "app_". May be empty. */
  metricPrefix: string;
  /** A status longer than this is refused unread: what one read may hold in memory. */
  maxStatusBytes: number;
  /** At most this many app series per scrape; the rest are dropped and counted. */
  maxSeries: number;
  /** After SIGTERM, how long a scrape in flight may take before connections are cut. */
  shutdownDrainMs: number;
}

/** Used when SHUTDOWN_DRAIN_MS is not set; well inside the pod's termination grace period. */
const DEFAULT_SHUTDOWN_DRAIN_MS = 5000;

export function readConfig(env: NodeJS.ProcessEnv): AdapterConfig {
  const metricsPath = required(env, 'METRICS_PATH');
  if (!metricsPath.startsWith('/')) throw new Error(`environment variable METRICS_PATH must start with "/", got "${metricsPath}"`);

  const statusUrl = required(env, 'APP_STATUS_URL');
  const appStatusUrl = safeUrl(statusUrl);
  if (appStatusUrl?.protocol !== 'http:') {
    throw new Error(`environment variable APP_STATUS_URL must be an http:// URL, got "${statusUrl}"`);
  }

  // Present but possibly empty: an empty prefix is a valid choice.
  const metricPrefix = env.METRIC_PREFIX;
  if (metricPrefix === undefined) throw new Error('environment variable METRIC_PREFIX is not set');
  if (!/^([a-zA-Z_][a-zA-Z0-9_]*)?$/.test(metricPrefix)) {
    throw new Error(`environment variable METRIC_PREFIX must be letters, digits and "_", not starting with a digit, got "${metricPrefix}"`);
  }

  return {
    listenPort: integer(env, 'LISTEN_PORT', 0, 65535),
    metricsPath,
    appStatusUrl,
    scrapeTimeoutMs: integer(env, 'SCRAPE_TIMEOUT_MS', 1, 600_000),
    metricPrefix,
    maxStatusBytes: integer(env, 'MAX_STATUS_BYTES', 1024, 256 * 1024 * 1024),
    maxSeries: integer(env, 'MAX_SERIES', 1, 10_000_000),
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS === undefined ? DEFAULT_SHUTDOWN_DRAIN_MS : integer(env, 'SHUTDOWN_DRAIN_MS', 0, 600_000),
  };
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
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
