import { readConfig } from './config';
import { log } from './log';
import { Shipper } from './shipper';
import { onTermination } from '../../../shared/shutdown';
import { stdoutSink } from './stdout-sink';

function main(): void {
  const config = readConfig(process.env);
  // process.stdout only if fd 1 turns out to be non-blocking (see stdout-sink.ts). Its errors
  // come back through each write's callback, and stop the shipper below; an 'error' event
  // without a listener would end the process before the message.
  const stdout = () => process.stdout.on('error', () => {});
  const shipper = new Shipper({ ...config, write: stdoutSink(stdout), log });

  // Ship what is left, then exit. A second signal changes nothing: Ctrl-C in `npm run dev`
  // reaches this process and the runner, which then sends its own SIGTERM.
  onTermination(
    (signal) => {
      log('info', 'stopping', { signal, quietMs: config.shutdownQuietMs });
      void shipper.stop();
    },
    () => {},
  );
  // Said once a SIGTERM would be handled: whoever waits for this line may stop it cleanly.
  log('info', 'starting', { logFile: config.logFile, rotatedFiles: config.rotatedFiles, offsetFile: config.offsetFile });
  // On success, no process.exit(): Node exits by itself once stdout has taken every line.
  // A failed write (EPIPE: nobody reads our output any more) stops it rather than ship into the void.
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
