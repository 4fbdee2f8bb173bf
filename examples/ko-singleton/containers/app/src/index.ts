import { AccessLog } from './access-log';
import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { startServer } from './server';
import { onTermination } from './shutdown';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const accessLog = config.accessLog && new AccessLog(config.accessLog.path, config.accessLog.maxBytes, config.accessLog.keep);
  const server = await startServer(config, { accessLog });
  log('info', 'listening', {
    service: config.serviceName,
    port: server.port,
    accessLog: config.accessLog?.path,
    upstream: config.upstream?.url,
  });

  // Drain, then exit. A second signal changes nothing: Ctrl-C in `npm run dev` reaches the app
  // and the runner, which then sends its own SIGTERM, and the drain must still finish.
  onTermination(
    async (signal) => {
      log('info', 'draining', { signal, drainMs: config.shutdownDrainMs });
      await server.stop();
      accessLog?.close();
      log('info', 'stopped');
      exitAfterFlush(0);
    },
    () => {},
  );
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
