import type { AddressInfo } from 'node:net';
import type { AdapterConfig } from './config';
import { log as jsonLog } from './log';
import { Scraper } from './scraper';
import { closeGracefully, createAdapterServer } from './server';

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
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const server = createAdapterServer(scraper, config.metricsPath, () => !stopping);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // All interfaces: Prometheus scrapes the pod IP.
    server.listen(config.listenPort, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    scraper,
    stop: (drainMs) => {
      stopping = true;
      stopped ??= closeGracefully(server, drainMs);
      return stopped;
    },
  };
}
