/** The app's version as /status reports it; bump it with your releases. */
export const VERSION = '0.1.0';

/**
 * The app's own status format, served at GET /status. The adapter container translates
 * it into Prometheus metrics, so keep the shape: add numbers under `metrics`.
 */
export interface StatusReport {
  service: string;
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  ready: boolean;
  requests: {
    /** Requests answered so far (the sum of byStatus). */
    total: number;
    /** Requests being served right now, this one included. */
    inFlight: number;
    byStatus: Record<string, number>;
    durationSecondsSum: number;
  };
  memory: { rssBytes: number; heapUsedBytes: number };
  metrics: Record<string, number>;
}

/** Counts requests as the server sees them, and renders the status report. */
export class StatusTracker {
  readonly startedAt = new Date();
  /**
   * Your own numbers, one flat name -> value map, e.g. `status.metrics.queue_depth = 3`.
   * The adapter exports each one as a Prometheus gauge, so name them as Prometheus names
   * a gauge: snake_case, units spelt out as base units (`_seconds`, `_bytes`), and no
   * `_total`, `_count`, `_sum` or `_bucket` at the end (those mean counters, summaries and
   * histograms). A field named otherwise is left out and counted in adapter_skipped_fields.
   */
  readonly metrics: Record<string, number> = {};
  private total = 0;
  private inFlight = 0;
  private readonly byStatus: Record<string, number> = {};
  private durationSecondsSum = 0;

  requestStarted(): void {
    this.inFlight += 1;
  }

  requestFinished(statusCode: number, durationSeconds: number): void {
    this.inFlight -= 1;
    this.total += 1;
    this.byStatus[statusCode] = (this.byStatus[statusCode] ?? 0) + 1;
    this.durationSecondsSum += durationSeconds;
  }

  report(service: string, ready: boolean): StatusReport {
    const memory = process.memoryUsage();
    return {
      service,
      version: VERSION,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: (Date.now() - this.startedAt.getTime()) / 1000,
      ready,
      requests: {
        total: this.total,
        inFlight: this.inFlight,
        byStatus: { ...this.byStatus },
        // Rounded to microseconds so the sum reads well (no 0.30000000000000004).
        durationSecondsSum: Math.round(this.durationSecondsSum * 1e6) / 1e6,
      },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      metrics: { ...this.metrics },
    };
  }
}
