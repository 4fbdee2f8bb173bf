import { startAmbassador } from './ambassador';
import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { onTermination } from './shutdown';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const ambassador = await startAmbassador(config);
  log('info', 'listening', {
    proxy: `${ambassador.proxy.address}:${ambassador.proxy.port}`,
    healthPort: ambassador.health.port,
    upstreams: config.upstreams.map((u) => u.label),
    connectTimeoutMs: config.connectTimeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
    retryAfterMs: config.retryAfterMs,
  });

  onTermination(async (signal) => {
    const stopped = ambassador.stop(config.shutdownDrainMs); // refuses new connections at once
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
