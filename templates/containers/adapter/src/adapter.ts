import type { AddressInfo } from 'node:net';
import type { AdapterConfig } from './config';
import { log as jsonLog } from './log';
import { Scraper } from './scraper';
import { createAdapterServer } from './server';
import { closeGracefully } from './shutdown';

export interface RunningAdapter {
  port: number;
  scraper: Scraper;
  /** Stops accepting, lets a scrape in flight finish for up to `drainMs`. */
  stop(drainMs: number): Promise<void>;
}

export async function startAdapter(config: AdapterConfig, log: typeof jsonLog = jsonLog): Promise<RunningAdapter> {
  const scraper = new Scraper(config, log);
  const server = createAdapterServer(scraper, config.metricsPath);
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
    stop: (drainMs) => closeGracefully(server, drainMs),
  };
}
