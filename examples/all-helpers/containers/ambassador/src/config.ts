import { type Env, type EnvReader, readEnv } from '../../../shared/env';

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
  /**
   * Once the request has reached an upstream, how long its first byte of answer may take;
   * past it the upstream counts as hung and the request goes to the next one.
   */
  firstByteTimeoutMs: number;
  /**
   * How many bytes of a request are kept until the answer begins, to send them again to the
   * next upstream. A longer request is still proxied, but cannot be retried elsewhere.
   */
  replayBufferBytes: number;
  /** A proxied connection with no bytes either way for this long is closed. */
  idleTimeoutMs: number;
  healthCheck: HealthCheckConfig;
  /** Upstream names are resolved again in the background once their answer is this old. */
  dnsRefreshMs: number;
  /**
   * After SIGTERM, how long the proxy keeps accepting and proxying new connections (the
   * app may still be draining); then the connections still open get as long again before
   * they are cut.
   */
  shutdownDrainMs: number;
}

/** Active health checks, as HAProxy's `check inter <intervalMs> rise <rise> fall <fall>`. */
export interface HealthCheckConfig {
  /** `http`: GET `path`, passing on a 2xx or 3xx status. `tcp`: passing once a connection opens. */
  mode: 'http' | 'tcp';
  path: string;
  /** Time between the end of one check of an upstream and the start of the next. */
  intervalMs: number;
  /** A check not passed within this long (connect and answer) has failed. */
  timeoutMs: number;
  /** Consecutive passed checks that bring a down upstream back. */
  rise: number;
  /** Consecutive failed checks that take an up upstream out. */
  fall: number;
}

/** Used when SHUTDOWN_DRAIN_MS is not set; well inside the pod's termination grace period. */
const DEFAULT_SHUTDOWN_DRAIN_MS = 5000;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): AmbassadorConfig {
  return readEnv(env, (read) => ({
    listenHost: read.text('LISTEN_HOST'),
    listenPort: read.integer('LISTEN_PORT', 0, 65535),
    healthPort: read.integer('HEALTH_PORT', 0, 65535),
    upstreams: read
      .text('UPSTREAMS')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((label) => parseUpstream(read, label)),
    connectTimeoutMs: read.integer('CONNECT_TIMEOUT_MS', 1, 600_000),
    firstByteTimeoutMs: read.integer('FIRST_BYTE_TIMEOUT_MS', 1, 86_400_000),
    replayBufferBytes: read.integer('REPLAY_BUFFER_BYTES', 0, 64 * 1024 * 1024),
    idleTimeoutMs: read.integer('IDLE_TIMEOUT_MS', 1, 86_400_000),
    healthCheck: readHealthCheck(read),
    dnsRefreshMs: read.integer('DNS_REFRESH_MS', 0, 86_400_000),
    shutdownDrainMs: read.integerOr('SHUTDOWN_DRAIN_MS', DEFAULT_SHUTDOWN_DRAIN_MS, 0, 600_000),
  }));
}

function readHealthCheck(read: EnvReader): HealthCheckConfig {
  const mode = read.text('HEALTH_CHECK_MODE');
  if (mode !== '' && mode !== 'http' && mode !== 'tcp') read.problem(`HEALTH_CHECK_MODE must be http or tcp, got "${mode}"`);
  // The path matters only to http checks: a tcp check needs none.
  const path = mode === 'http' ? read.text('HEALTH_CHECK_PATH') : '';
  if (path !== '' && !/^\/[^\s]*$/.test(path)) {
    read.problem(`HEALTH_CHECK_PATH must be a path starting with / and without spaces, got "${path}"`);
  }
  return {
    mode: mode === 'tcp' ? 'tcp' : 'http',
    path,
    intervalMs: read.integer('HEALTH_CHECK_INTERVAL_MS', 1, 86_400_000),
    timeoutMs: read.integer('HEALTH_CHECK_TIMEOUT_MS', 1, 600_000),
    rise: read.integer('HEALTH_CHECK_RISE', 1, 100),
    fall: read.integer('HEALTH_CHECK_FALL', 1, 100),
  };
}

/** "host:port", or "[ipv6]:port". */
function parseUpstream(read: EnvReader, label: string): UpstreamAddress {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d+)$/.exec(label);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port < 1 || port > 65535) {
    read.problem(`UPSTREAMS must be a comma-separated list of host:port, got "${label}"`);
  }
  return { host: match?.[1] ?? match?.[2] ?? '', port, label };
}
