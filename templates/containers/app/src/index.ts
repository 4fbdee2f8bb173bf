import { AccessLog } from './access-log';
import { loadConfig } from './config';
import { exitAfterFlush, log } from './log';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const accessLog = config.accessLog && new AccessLog(config.accessLog.path, config.accessLog.maxBytes, config.accessLog.keep);
  const server = await startServer(config, { accessLog });
  log('info', 'listening', {
    service: config.serviceName,
    port: server.port,
    accessLog: config.accessLog?.path,
    upstream: config.upstream?.url,
  });

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    // SIGTERM from the kubelet and Ctrl-C in `npm run dev` may both arrive: stop once.
    if (stopping) return;
    stopping = true;
    log('info', 'draining', { signal, drainMs: config.shutdownDrainMs });
    await server.stop();
    accessLog?.close();
    log('info', 'stopped');
    exitAfterFlush(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
