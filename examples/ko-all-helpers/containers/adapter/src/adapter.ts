import { startServer } from '../../../shared/http-server';
import type { AdapterConfig } from './config';
import { log as jsonLog } from './log';
import { Scraper } from './scraper';
import { adapterRoutes } from './server';

export interface RunningAdapter {
  port: number;
  scraper: Scraper;
  /**
   * /readyz turns 503, no new connections, a scrape in flight gets up to `drainMs` to
   * finish. Unlike the ambassador, no window of accepting after SIGTERM: nothing in the
   * pod depends on the adapter while the app drains, and one missed scrape is nothing to
   * Prometheus, while a window would add its length to every pod's shutdown (and to
   * Ctrl-C in `npm run dev`). Calling it again returns the same promise.
   */
  stop(drainMs: number): Promise<void>;
}

export async function startAdapter(config: AdapterConfig, log: typeof jsonLog = jsonLog): Promise<RunningAdapter> {
  const scraper = new Scraper(config, log);
  let isDraining = () => false;
  // All interfaces: Prometheus scrapes the pod IP.
  const server = await startServer(
    config.listenPort,
    adapterRoutes(scraper, config.metricsPath, () => !isDraining()),
  );
  isDraining = server.isDraining;
  return { port: server.port, scraper, stop: server.stop };
}
