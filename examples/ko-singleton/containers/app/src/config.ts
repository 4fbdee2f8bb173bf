/** Everything the app needs, read from the environment that the manifest in k8s/ sets. */
export interface AppConfig {
  /** Port to serve HTTP on, all interfaces (0 picks a free one, for tests). */
  port: number;
  /** The workload's name, echoed in answers and in /status. */
  serviceName: string;
  /** After SIGTERM, how long in-flight requests may take before connections are cut. */
  shutdownDrainMs: number;
}

export type Env = Record<string, string | undefined>;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): AppConfig {
  return readEnv(env, (read) => ({
    port: read.integer('PORT', 0, 65535),
    serviceName: read.text('SERVICE_NAME'),
    shutdownDrainMs: read.integer('SHUTDOWN_DRAIN_MS', 0, 600_000),
  }));
}

export type EnvReader = ReturnType<typeof reader>;

/**
 * Runs `use` with a reader of `env`, then throws one error naming every variable that is
 * missing or wrong. The app's optional parts (src/parts/) read their own variables with it.
 */
export function readEnv<T>(env: Env, use: (read: EnvReader) => T): T {
  const problems: string[] = [];
  const value = use(reader(env, problems));
  if (problems.length > 0) throw new Error(`bad environment: ${problems.join('; ')}`);
  return value;
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
