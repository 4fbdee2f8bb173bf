import { AdapterMetrics } from './adapter-metrics';
import { AppMetrics } from './app-metrics';
import type { AdapterConfig } from './config';
import { log as jsonLog } from './log';
import { fetchStatus, ScrapeError } from './status-client';
import { translateStatus } from './translate';

/** One Prometheus scrape: read the app status, translate it, render both registries. */
export class Scraper {
  readonly app = new AppMetrics();
  readonly adapter = new AdapterMetrics();
  readonly contentType = this.adapter.registry.contentType;
  private inFlight: Promise<string> | undefined;
  private lastReadOk: boolean | undefined;

  constructor(
    private readonly config: Pick<AdapterConfig, 'appStatusUrl' | 'scrapeTimeoutMs' | 'metricPrefix'>,
    private readonly log: typeof jsonLog = jsonLog,
  ) {}

  /** The metrics text. Scrapes that arrive together share one read of the app. */
  scrape(): Promise<string> {
    this.inFlight ??= this.scrapeOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async scrapeOnce(): Promise<string> {
    const started = process.hrtime.bigint();
    const ok = await this.readStatus();
    this.adapter.scrapeDuration.set(Number(process.hrtime.bigint() - started) / 1e9);
    const own = await this.adapter.registry.metrics();
    return ok ? `${own}\n${await this.app.registry.metrics()}` : own;
  }

  /** Reads and translates the app status; never throws, so a bad status cannot crash the adapter. */
  private async readStatus(): Promise<boolean> {
    try {
      const status = await fetchStatus(this.config.appStatusUrl, this.config.scrapeTimeoutMs);
      const { families, skipped } = translateStatus(status, this.config.metricPrefix);
      this.app.show(families);
      this.adapter.skippedFields.set(skipped);
      this.adapter.up.set(1);
      if (this.lastReadOk !== true) this.log('info', 'app_status_readable', { url: this.config.appStatusUrl.href });
      this.lastReadOk = true;
      return true;
    } catch (err) {
      // Anything but a read error (a translation error included) means the status was not usable.
      const reason = err instanceof ScrapeError ? err.reason : 'malformed';
      this.adapter.scrapeErrors.inc({ reason });
      this.adapter.up.set(0);
      this.app.hide();
      if (this.lastReadOk !== false) {
        this.log('warn', 'app_status_unreadable', { url: this.config.appStatusUrl.href, reason, error: (err as Error).message });
      }
      this.lastReadOk = false;
      return false;
    }
  }
}
