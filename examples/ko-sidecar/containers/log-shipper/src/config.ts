/** Everything the shipper needs, read from the environment that k8s/deployment.yaml sets. */
export interface ShipperConfig {
  /** The file to follow, on the volume shared with the app. */
  logFile: string;
  /** How many rotated files the app keeps beside it (`<logFile>.1` .. `.N`). */
  rotatedFiles: number;
  /** Where the positions of every file not yet finished are kept, on the same volume, so a restart resumes there. */
  offsetFile: string;
  /** How often to look for new lines when there are none. */
  pollIntervalMs: number;
  /** After SIGTERM, keep shipping until the file has had no new data for this long. */
  shutdownQuietMs: number;
  /** The longest line shipped whole; a longer one is shipped as its beginning, marked truncated. */
  maxLineBytes: number;
}

type Env = Record<string, string | undefined>;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): ShipperConfig {
  const problems: string[] = [];
  const text = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') problems.push(`${name} is not set`);
    return value ?? '';
  };
  const integer = (name: string, min: number, max: number): number => {
    const value = text(name);
    const number = Number(value);
    if (value !== '' && (!/^\d+$/.test(value) || number < min || number > max)) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    }
    return number;
  };
  const config: ShipperConfig = {
    logFile: text('LOG_FILE'),
    rotatedFiles: integer('LOG_ROTATED_FILES', 0, 100),
    offsetFile: text('OFFSET_FILE'),
    pollIntervalMs: integer('POLL_INTERVAL_MS', 1, 60_000),
    shutdownQuietMs: integer('SHUTDOWN_QUIET_MS', 0, 600_000),
    maxLineBytes: integer('MAX_LINE_BYTES', 1024, 64 * 1024 * 1024),
  };
  if (problems.length > 0) throw new Error(`bad environment: ${problems.join('; ')}`);
  return config;
}
