import { startAdapter } from './adapter';
import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { onTermination } from '../../../shared/shutdown';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const adapter = await startAdapter(config);
  onTermination(async (signal) => {
    const stopped = adapter.stop(config.shutdownDrainMs); // refuses new connections at once
    log('info', 'stopping', { signal, drainMs: config.shutdownDrainMs });
    await stopped;
    log('info', 'stopped');
    exitAfterFlush(0);
  });
  // Only now: whoever waits for this line may signal at once.
  log('info', 'listening', {
    port: adapter.port,
    metricsPath: config.metricsPath,
    appStatusUrl: config.appStatusUrl.href,
    scrapeTimeoutMs: config.scrapeTimeoutMs,
    metricPrefix: config.metricPrefix,
    maxStatusBytes: config.maxStatusBytes,
    maxSeries: config.maxSeries,
  });
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
