import { type Env, readEnv } from '../../../shared/env';

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

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): ShipperConfig {
  return readEnv(env, (read) => ({
    logFile: read.text('LOG_FILE'),
    rotatedFiles: read.integer('LOG_ROTATED_FILES', 0, 100),
    offsetFile: read.text('OFFSET_FILE'),
    pollIntervalMs: read.integer('POLL_INTERVAL_MS', 1, 60_000),
    shutdownQuietMs: read.integer('SHUTDOWN_QUIET_MS', 0, 600_000),
    maxLineBytes: read.integer('MAX_LINE_BYTES', 1024, 64 * 1024 * 1024),
  }));
}
