import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { parts } from './parts';
import { startServer } from './server';
import { onTermination } from '../../../shared/shutdown';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  // Each optional part this app holds reads its own variables (src/parts.ts lists them).
  const running = parts.map((start) => start(process.env));
  const server = await startServer(config, { parts: running });
  log('info', 'listening', { service: config.serviceName, port: server.port, ...Object.assign({}, ...running.map((p) => p.describe)) });

  // Drain, then exit. A second signal changes nothing: Ctrl-C in `npm run dev` reaches the app
  // and the runner, which then sends its own SIGTERM, and the drain must still finish.
  onTermination(
    async (signal) => {
      log('info', 'draining', { signal, drainMs: config.shutdownDrainMs });
      await server.stop();
      for (const part of running) part.close?.();
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
