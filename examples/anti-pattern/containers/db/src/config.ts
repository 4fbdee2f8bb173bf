import { type Env, readEnv } from '../../../shared/env';

/** Everything the database needs, read from the environment its manifest sets. */
export interface DbConfig {
  /** Port to serve HTTP on, all interfaces (0 picks a free one, for tests). */
  port: number;
  /** The workload's name, echoed in GET /. */
  serviceName: string;
  /** After SIGTERM, how long in-flight requests may take before connections are cut. */
  shutdownDrainMs: number;
  /** Folder of the journal: the mount of the volume `data` (a PVC in the fix, an emptyDir in the anti-pattern). */
  dataDir: string;
  /** How many counter names the store keeps; a new name past it is refused with 507. */
  maxCounters: number;
  /** Journal size past which it is rewritten with one record per counter (a checkpoint). */
  maxJournalBytes: number;
}

/** Used when MAX_COUNTERS is not set: keeps memory and the journal's replay small whatever clients send. */
export const DEFAULT_MAX_COUNTERS = 1000;
/** Used when JOURNAL_MAX_BYTES is not set: about 30 000 increments, replayed in well under a second. */
export const DEFAULT_JOURNAL_MAX_BYTES = 1024 * 1024;

/** Reads and checks every variable, then reports all problems at once. */
export function readConfig(env: Env): DbConfig {
  return readEnv(env, (read) => ({
    port: read.integer('PORT', 0, 65535),
    serviceName: read.text('SERVICE_NAME'),
    shutdownDrainMs: read.integer('SHUTDOWN_DRAIN_MS', 0, 600_000),
    dataDir: read.text('DATA_DIR'),
    maxCounters: read.integerOr('MAX_COUNTERS', DEFAULT_MAX_COUNTERS, 1, 1_000_000),
    maxJournalBytes: read.integerOr('JOURNAL_MAX_BYTES', DEFAULT_JOURNAL_MAX_BYTES, 1024, 2 ** 40),
  }));
}
