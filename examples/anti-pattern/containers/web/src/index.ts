import { readConfig } from './config';
import { frontRoutes } from './front';
import { exitAfterFlush, log } from './log';
import { startServer } from '../../../shared/http-server';
import { onTermination } from '../../../shared/shutdown';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  let isDraining = () => false;
  const server = await startServer(
    config.port,
    frontRoutes(config, () => isDraining()),
  );
  isDraining = server.isDraining;
  log('info', 'listening', { service: config.serviceName, port: server.port, app: config.appUrl.href, appTimeoutMs: config.appTimeoutMs });

  onTermination(
    async (signal) => {
      const stopped = server.stop(config.shutdownDrainMs); // refuses new connections at once
      log('info', 'draining', { signal, drainMs: config.shutdownDrainMs });
      await stopped;
      log('info', 'stopped');
      exitAfterFlush(0);
    },
    // A second signal (Ctrl-C in `npm run dev`, then the runner's SIGTERM) must not cut the drain short.
    () => {},
  );
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
