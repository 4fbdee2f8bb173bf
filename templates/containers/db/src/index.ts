import { randomBytes } from 'node:crypto';
import { readConfig } from './config';
import { claimDataDir } from './data-dir';
import { exitAfterFlush, log } from './log';
import { type DbState, dbRoutes } from './routes';
import { startServer } from '../../../shared/http-server';
import { onTermination } from '../../../shared/shutdown';
import { CounterStore } from './store';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const state: DbState = {
    serviceName: config.serviceName,
    instance: randomBytes(6).toString('hex'),
    startedAt: new Date().toISOString(),
    isDraining: () => server.isDraining(),
  };
  // Listen first: /healthz answers while a long journal replays, and /readyz says 503 until it is done.
  const server = await startServer(config.port, dbRoutes(state));
  log('info', 'listening', { service: config.serviceName, port: server.port, instance: state.instance, dataDir: config.dataDir });

  let stopping = false;
  let releaseDataDir: (() => void) | undefined;
  onTermination(
    async (signal) => {
      stopping = true;
      const stopped = server.stop(config.shutdownDrainMs); // refuses new connections at once
      log('info', 'draining', { signal, drainMs: config.shutdownDrainMs });
      await stopped; // every POST answered has been synced
      await state.store?.close();
      releaseDataDir?.();
      log('info', 'stopped');
      exitAfterFlush(0);
    },
    // A second signal (Ctrl-C in `npm run dev`, then the runner's SIGTERM) must not cut the drain short.
    () => {},
  );

  releaseDataDir = claimDataDir(config.dataDir);
  const limits = { maxCounters: config.maxCounters, maxJournalBytes: config.maxJournalBytes };
  const [store, replayed] = await CounterStore.open(config.dataDir, limits, (err) => {
    // Fail-stop: after a failed write or sync the journal's state on disk is unknown, and only a
    // restart that replays it knows the truth. The failed requests were answered 500.
    log('error', 'journal failed', { error: err.message });
    releaseDataDir?.();
    setImmediate(() => exitAfterFlush(1));
  });
  if (replayed.droppedBytes > 0) log('warn', 'dropped a torn last record', { bytes: replayed.droppedBytes });
  if (stopping) return void store.close();
  state.store = store;
  log('info', 'ready', { records: replayed.records, counters: replayed.counters, ...limits });
}

main().catch((err: Error) => {
  log('error', 'failed', { error: err.message });
  exitAfterFlush(1);
});
