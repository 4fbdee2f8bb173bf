import { AdapterMetrics } from './adapter-metrics';
import type { AdapterConfig } from './config';
import { renderFamilies } from './exposition';
import { log as jsonLog } from './log';
import { fetchStatus, ScrapeError } from './status-client';
import { translateStatus } from './translate';

/** One Prometheus scrape: read the app status, translate it, render it after the adapter's own metrics. */
export class Scraper {
  readonly adapter = new AdapterMetrics();
  readonly contentType = this.adapter.registry.contentType;
  private inFlight: Promise<Buffer> | undefined;
  private lastReadOk: boolean | undefined;

  constructor(
    private readonly config: Pick<AdapterConfig, 'appStatusUrl' | 'scrapeTimeoutMs' | 'metricPrefix' | 'maxStatusBytes' | 'maxSeries'>,
    private readonly log: typeof jsonLog = jsonLog,
  ) {}

  /**
   * The metrics text. Scrapes that arrive together share one read of the app, and one
   * Buffer: each answer sends the same bytes rather than a copy of its own.
   */
  scrape(): Promise<Buffer> {
    this.inFlight ??= this.scrapeOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async scrapeOnce(): Promise<Buffer> {
    const started = process.hrtime.bigint();
    const app = await this.readStatus();
    this.adapter.scrapeDuration.set(Number(process.hrtime.bigint() - started) / 1e9);
    const own = await this.adapter.registry.metrics();
    return Buffer.from(app === undefined ? own : `${own}\n${app}`);
  }

  /**
   * The app's metrics as text, or undefined when the status could not be used: after a
   * failed read, the last values would be a lie about now. Never throws, so a bad status
   * cannot crash the adapter.
   */
  private async readStatus(): Promise<string | undefined> {
    const { appStatusUrl, scrapeTimeoutMs, maxStatusBytes, metricPrefix, maxSeries } = this.config;
    try {
      const status = await fetchStatus(appStatusUrl, { timeoutMs: scrapeTimeoutMs, maxBytes: maxStatusBytes });
      const { families, skipped, dropped } = translateStatus(status, metricPrefix, maxSeries);
      this.adapter.skippedFields.set(skipped);
      this.adapter.droppedSeries.set(dropped);
      this.adapter.up.set(1);
      if (this.lastReadOk !== true) this.log('info', 'app_status_readable', { url: appStatusUrl.href });
      this.lastReadOk = true;
      return renderFamilies(families);
    } catch (err) {
      // Anything but a read error (a translation error included) means the status was not usable.
      const reason = err instanceof ScrapeError ? err.reason : 'malformed';
      this.adapter.scrapeErrors.inc({ reason });
      this.adapter.up.set(0);
      if (this.lastReadOk !== false) {
        this.log('warn', 'app_status_unreadable', { url: appStatusUrl.href, reason, error: (err as Error).message });
      }
      this.lastReadOk = false;
      return undefined;
    }
  }
}
