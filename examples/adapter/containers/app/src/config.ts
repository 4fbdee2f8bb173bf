/** Everything the app needs, read from the environment that k8s/deployment.yaml sets. */
export interface AppConfig {
  /** Port to serve HTTP on, all interfaces (0 picks a free one, for tests). */
  port: number;
  /** The workload's name, echoed in answers and in /status. */
  serviceName: string;
  /** After SIGTERM, how long in-flight requests may take before connections are cut. */
  shutdownDrainMs: number;
  /** Sidecar pattern: the access log file on the shared volume, its size before rotation, and how many rotated files to keep. */
  accessLog?: { path: string; maxBytes: number; keep: number };
  /** Ambassador pattern: the ambassador's loopback address, and how long to wait for an answer. */
  upstream?: { url: string; timeoutMs: number };
}

type Env = Record<string, string | undefined>;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const read = reader(env, problems);
  const config: AppConfig = {
    port: read.integer('PORT', 0, 65535),
    serviceName: read.text('SERVICE_NAME'),
    shutdownDrainMs: read.integer('SHUTDOWN_DRAIN_MS', 0, 600_000),
  };
  // Optional features: present only in the patterns that use them.
  if (env.ACCESS_LOG) {
    config.accessLog = {
      path: read.text('ACCESS_LOG'),
      maxBytes: read.integer('ACCESS_LOG_MAX_BYTES', 1, 2 ** 40),
      keep: read.integer('ACCESS_LOG_ROTATED_FILES', 0, 100),
    };
  }
  if (env.UPSTREAM_URL) {
    config.upstream = { url: read.httpUrl('UPSTREAM_URL'), timeoutMs: read.integer('UPSTREAM_TIMEOUT_MS', 1, 600_000) };
  }
  if (problems.length > 0) throw new Error(`bad environment: ${problems.join('; ')}`);
  return config;
}

function reader(env: Env, problems: string[]) {
  const text = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') problems.push(`${name} is not set`);
    return value ?? '';
  };
  return {
    text,
    integer(name: string, min: number, max: number): number {
      const value = text(name);
      const number = Number(value);
      if (value !== '' && (!/^\d+$/.test(value) || number < min || number > max)) {
        problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
      }
      return number;
    },
    httpUrl(name: string): string {
      const value = text(name);
      if (value !== '' && !/^http:\/\/[^/]+/.test(value)) {
        problems.push(`${name} must be an http:// URL such as http://127.0.0.1:9000, got "${value}"`);
      }
      return value;
    },
  };
}
