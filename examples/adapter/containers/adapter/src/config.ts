import { type Env, readEnv } from '../../../shared/env';

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

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): AdapterConfig {
  return readEnv(env, (read) => {
    const metricsPath = read.text('METRICS_PATH');
    if (metricsPath !== '' && !metricsPath.startsWith('/')) read.problem(`METRICS_PATH must start with "/", got "${metricsPath}"`);

    const statusUrl = read.text('APP_STATUS_URL');
    const appStatusUrl = URL.canParse(statusUrl) ? new URL(statusUrl) : undefined;
    if (statusUrl !== '' && appStatusUrl?.protocol !== 'http:') read.problem(`APP_STATUS_URL must be an http:// URL, got "${statusUrl}"`);

    // Present but possibly empty: an empty prefix is a valid choice.
    const metricPrefix = env.METRIC_PREFIX ?? '';
    if (env.METRIC_PREFIX === undefined) read.problem('METRIC_PREFIX is not set');
    else if (!/^([a-zA-Z_][a-zA-Z0-9_]*)?$/.test(metricPrefix)) {
      read.problem(`METRIC_PREFIX must be letters, digits and "_", not starting with a digit, got "${metricPrefix}"`);
    }

    return {
      listenPort: read.integer('LISTEN_PORT', 0, 65535),
      metricsPath,
      appStatusUrl: appStatusUrl ?? new URL('http://invalid'),
      scrapeTimeoutMs: read.integer('SCRAPE_TIMEOUT_MS', 1, 600_000),
      metricPrefix,
      maxStatusBytes: read.integer('MAX_STATUS_BYTES', 1024, 256 * 1024 * 1024),
      maxSeries: read.integer('MAX_SERIES', 1, 10_000_000),
      shutdownDrainMs: read.integerOr('SHUTDOWN_DRAIN_MS', DEFAULT_SHUTDOWN_DRAIN_MS, 0, 600_000),
    };
  });
}
