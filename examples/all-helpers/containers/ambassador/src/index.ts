import { startAmbassador } from './ambassador';
import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { onTermination } from '../../../shared/shutdown';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const ambassador = await startAmbassador(config);
  // In a classic sidecar pod the kubelet sends SIGTERM to the app and to this container at
  // the same moment, yet the app goes on draining its requests and may still call out
  // through 127.0.0.1 meanwhile. So the proxy keeps accepting for SHUTDOWN_DRAIN_MS (longer
  // than the app drains), only /readyz says it is going; a fixed window rather than a guess
  // at when the app is done. A second SIGTERM or SIGINT stops at once.
  onTermination(
    async (signal) => {
      const stopped = ambassador.stop(config.shutdownDrainMs);
      log('info', 'stopping', { signal, drainMs: config.shutdownDrainMs });
      await stopped;
      log('info', 'stopped');
      exitAfterFlush(0);
    },
    (signal) => {
      log('info', 'stopping_now', { signal });
      void ambassador.stopNow();
    },
  );
  // Only now: whoever waits for this line may signal at once.
  log('info', 'listening', {
    proxy: `${ambassador.proxy.address}:${ambassador.proxy.port}`,
    healthPort: ambassador.health.port,
    upstreams: config.upstreams.map((u) => u.label),
    connectTimeoutMs: config.connectTimeoutMs,
    firstByteTimeoutMs: config.firstByteTimeoutMs,
    replayBufferBytes: config.replayBufferBytes,
    idleTimeoutMs: config.idleTimeoutMs,
    healthCheck: config.healthCheck,
  });
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
