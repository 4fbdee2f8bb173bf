import type { AddressInfo } from 'node:net';
import { readConfig } from './config';
import { exitAfterFlush, log } from './log';
import { closeGracefully, createUpstreamServer } from './server';
import { onTermination } from './shutdown';

function main(): void {
  const config = readConfig(process.env);
  let stopping = false;
  const server = createUpstreamServer(config.name, () => !stopping);
  server.on('error', (err) => {
    log('error', 'failed', { error: err.message });
    exitAfterFlush(1);
  });
  server.listen(config.port, () => {
    const { port } = server.address() as AddressInfo;
    log('info', 'listening', { upstream: config.name, port });
  });
  // Unlike the ambassador, no window of accepting after SIGTERM: this runs behind a Service,
  // not beside a draining app, and the ambassador fails over when a connection is refused.
  onTermination(async (signal) => {
    stopping = true; // /readyz 503, no keep-alive
    const stopped = closeGracefully(server, config.shutdownDrainMs); // refuses new connections at once
    log('info', 'stopping', { signal, drainMs: config.shutdownDrainMs });
    await stopped;
    log('info', 'stopped');
    exitAfterFlush(0);
  });
}

try {
  main();
} catch (err) {
  log('error', 'failed', { error: (err as Error).message });
  exitAfterFlush(1);
}
