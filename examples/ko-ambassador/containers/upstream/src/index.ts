import { startServer } from '../../../shared/http-server';
import { onTermination } from '../../../shared/shutdown';
import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { upstreamRoutes } from './server';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  let isDraining = () => false;
  const server = await startServer(
    config.port,
    upstreamRoutes(config.name, () => !isDraining()),
  );
  isDraining = server.isDraining;
  log('info', 'listening', { upstream: config.name, port: server.port });
  // Unlike the ambassador, no window of accepting after SIGTERM: this runs behind a Service,
  // not beside a draining app, and the ambassador fails over when a connection is refused.
  onTermination(async (signal) => {
    const stopped = server.stop(config.shutdownDrainMs); // /readyz 503, no keep-alive, refuses new connections at once
    log('info', 'stopping', { signal, drainMs: config.shutdownDrainMs });
    await stopped;
    log('info', 'stopped');
    exitAfterFlush(0);
  });
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
