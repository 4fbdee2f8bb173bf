import { Counter, Gauge, Registry } from 'prom-client';
import type { MetricFamily } from './translate';

/**
 * The app's metrics as prom-client objects, in one Registry that lives as long as the
 * adapter. Each read of the status updates them in place; an object is created only for
 * a name not seen on the previous read, so a status with 1,000 fields costs 1,000 `set`
 * calls per scrape, not 1,000 new metrics.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private metrics = new Map<string, Gauge | Counter>();

  /** Exposes exactly `families`, with the app's values: counters hold the app's own totals. */
  show(families: MetricFamily[]): void {
    const current = new Map<string, Gauge | Counter>();
    this.registry.clear();
    for (const family of families) {
      const metric = this.metrics.get(family.name) ?? create(family);
      // Drops label sets the app no longer reports, e.g. a status code seen before a restart.
      metric.reset();
      for (const { labels, value } of family.samples) {
        if (metric instanceof Counter) metric.inc(labels, value);
        else metric.set(labels, value);
      }
      this.registry.registerMetric(metric);
      current.set(family.name, metric);
    }
    // Fields the app stopped reporting are forgotten.
    this.metrics = current;
  }

  /** Exposes nothing: after a failed read, the last values would be a lie about now. */
  hide(): void {
    this.registry.clear();
  }
}

function create(family: MetricFamily): Gauge | Counter {
  const config = { name: family.name, help: family.help, labelNames: family.labelNames, registers: [] };
  return family.kind === 'counter' ? new Counter(config) : new Gauge(config);
}
