import { readConfig } from './config';
import { log } from './log';
import { Shipper } from './shipper';
import { onTermination } from '../../../shared/shutdown';
import { streamSink } from './stream-sink';

function main(): void {
  const config = readConfig(process.env);
  const shipper = new Shipper({ ...config, write: streamSink(process.stdout), log });
  log('info', 'starting', { logFile: config.logFile, rotatedFiles: config.rotatedFiles, offsetFile: config.offsetFile });

  // Ship what is left, then exit. A second signal changes nothing: Ctrl-C in `npm run dev`
  // reaches this process and the runner, which then sends its own SIGTERM.
  onTermination(
    (signal) => {
      log('info', 'stopping', { signal, quietMs: config.shutdownQuietMs });
      void shipper.stop();
    },
    () => {},
  );
  // Nobody reads our output any more (EPIPE): stop rather than ship into the void.
  process.stdout.on('error', (err) => {
    log('error', 'stdout failed', { error: err.message });
    process.exit(1);
  });

  // On success, no process.exit(): Node exits by itself once stdout has taken every line.
  shipper.start().catch((err: Error) => {
    log('error', 'failed', { error: err.message });
    process.exit(1);
  });
}

try {
  main();
} catch (err) {
  log('error', 'failed', { error: (err as Error).message });
  process.exitCode = 1;
}
