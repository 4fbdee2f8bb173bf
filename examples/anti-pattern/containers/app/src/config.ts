import { type Env, type EnvReader, readEnv as readSharedEnv } from '../../../shared/env';

export type { Env };

/** Everything the app needs, read from the environment that the manifest in k8s/ sets. */
export interface AppConfig {
  /** Port to serve HTTP on, all interfaces (0 picks a free one, for tests). */
  port: number;
  /** The workload's name, echoed in answers and in /status. */
  serviceName: string;
  /** After SIGTERM, how long in-flight requests may take before connections are cut. */
  shutdownDrainMs: number;
}

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): AppConfig {
  return readEnv(env, (read) => ({
    port: read.integer('PORT', 0, 65535),
    serviceName: read.text('SERVICE_NAME'),
    shutdownDrainMs: read.integer('SHUTDOWN_DRAIN_MS', 0, 600_000),
  }));
}

export type AppEnvReader = EnvReader & { httpUrl(name: string): string };

/**
 * The shared reader (../../../shared/env.ts), plus the check the app's optional parts (src/parts/)
 * need for the addresses they call.
 */
export function readEnv<T>(env: Env, use: (read: AppEnvReader) => T): T {
  return readSharedEnv(env, (read) =>
    use({
      ...read,
      httpUrl(name: string): string {
        const value = read.text(name);
        if (value !== '' && !/^http:\/\/[^/]+/.test(value)) {
          read.problem(`${name} must be an http:// URL such as http://127.0.0.1:9000, got "${value}"`);
        }
        return value;
      },
    }),
  );
}
