import { Counter, Gauge, Registry } from 'prom-client';
import { SCRAPE_ERROR_REASONS } from './status-client';

/** What the adapter says about itself, always exposed, even when the app cannot be read. */
export class AdapterMetrics {
  readonly registry = new Registry();

  readonly up = new Gauge({
    name: 'adapter_up',
    help: '1 when the last read of the app status succeeded, 0 otherwise.',
    registers: [this.registry],
  });

  readonly scrapeErrors = new Counter({
    name: 'adapter_scrape_errors_total',
    help: 'Failed reads of the app status, by reason: timeout, connect, http_status, too_large (over MAX_STATUS_BYTES) or malformed.',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  readonly scrapeDuration = new Gauge({
    name: 'adapter_scrape_duration_seconds',
    help: 'How long the last read and translation of the app status took.',
    registers: [this.registry],
  });

  readonly skippedFields = new Gauge({
    name: 'adapter_skipped_fields',
    help: 'Entries of the status "metrics" object left out of the last translation: not a number, or no name Prometheus takes for a gauge.',
    registers: [this.registry],
  });

  readonly droppedSeries = new Gauge({
    name: 'adapter_dropped_series',
    help: 'App series left out of the last translation because the status held more than MAX_SERIES.',
    registers: [this.registry],
  });

  constructor() {
    // Every reason shows from the start, at 0, so rate() and alerts work before the first error.
    for (const reason of SCRAPE_ERROR_REASONS) this.scrapeErrors.inc({ reason }, 0);
  }
}
