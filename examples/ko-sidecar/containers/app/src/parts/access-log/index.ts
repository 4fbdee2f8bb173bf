import type { AppPart } from '../../app-part';
import { readEnv } from '../../config';
import { log } from '../../log';
import { AccessLog } from './access-log';

/**
 * Sidecar logger: every request the app serves becomes one JSON line in ACCESS_LOG, a file on
 * the volume the log-shipper container reads; the app knows nothing of where lines go next.
 */
export const accessLog: AppPart = (env) => {
  const { path, maxBytes, keep } = readEnv(env, (read) => ({
    path: read.text('ACCESS_LOG'),
    maxBytes: read.integer('ACCESS_LOG_MAX_BYTES', 1, 2 ** 40),
    keep: read.integer('ACCESS_LOG_ROTATED_FILES', 0, 100),
  }));
  const file = new AccessLog(path, maxBytes, keep);
  return {
    describe: { accessLog: path },
    onRequestDone(request) {
      try {
        file.write(request);
      } catch (err) {
        // A full disk must not take the app down with it.
        log('error', 'access log write failed', { error: (err as Error).message });
      }
    },
    close: () => file.close(),
  };
};
