import { APP_DRAIN_MS, CONTAINER_NAMES } from './constants.js';
import { namespaceFlag, pidOf } from './commands.js';
import type { HelperPart, ProjectOptions } from './types.js';

const LOG_DIR = '/var/log/app';
const LOG_VOLUME = 'app-logs';
const MiB = 1024 * 1024;
/**
 * The app rotates its log at ROTATE_AT_BYTES and keeps ROTATED_FILES old ones, so a shipper
 * that is restarting or behind has ROTATED_FILES x ROTATE_AT_BYTES (16 MiB, over ten
 * seconds of the app at 12,000 requests a second) to catch up before a line is lost.
 */
const ROTATE_AT_BYTES = 4 * MiB;
const ROTATED_FILES = 4;
/** The longest line the shipper ships whole. */
const MAX_LINE_BYTES = MiB;
/**
 * The volume holds the live log and the rotated ones, and as many deleted rotated files as
 * the shipper may still hold open while behind (they take room until it closes them):
 * (1 + 2 x 4) x 4 MiB = 36 MiB, under a 64 MiB limit that leaves room for the state file.
 */
const LOG_VOLUME_BYTES = (1 + 2 * ROTATED_FILES) * ROTATE_AT_BYTES;
const LOG_VOLUME_LIMIT = '64Mi';
if (LOG_VOLUME_BYTES > 60 * MiB) throw new Error('the access log does not fit its emptyDir');

/** Sidecar logger: the app writes its access log to a shared emptyDir; log-shipper ships it. */
export function sidecarHelper(options: ProjectOptions): HelperPart {
  const logFile = `${LOG_DIR}/access.log`;
  return {
    helper: 'sidecar',
    app: {
      env: { ACCESS_LOG: logFile, ACCESS_LOG_MAX_BYTES: String(ROTATE_AT_BYTES), ACCESS_LOG_ROTATED_FILES: String(ROTATED_FILES) },
      mounts: [{ volume: LOG_VOLUME, mountPath: LOG_DIR }],
      parts: ['access-log'],
    },
    container: {
      name: CONTAINER_NAMES.logShipper,
      template: 'log-shipper',
      role: 'helper',
      purpose:
        'follows the access log and its rotated files across rotation, truncation and restarts, and ships each line as JSON to stdout',
      ports: [],
      env: {
        LOG_FILE: logFile,
        // Named like the app's: access.log.1 .. access.log.N, read oldest first.
        LOG_ROTATED_FILES: String(ROTATED_FILES),
        // The position in every file not yet finished, on the shared volume, so a restarted shipper resumes there.
        OFFSET_FILE: `${LOG_DIR}/.log-shipper.offset`,
        MAX_LINE_BYTES: String(MAX_LINE_BYTES),
        POLL_INTERVAL_MS: '200',
        // After SIGTERM, keep reading until the file has been quiet this long. A classic
        // sidecar is stopped together with the app, so it must outwait the app's drain.
        SHUTDOWN_QUIET_MS: options.sidecarMode === 'classic' ? String(APP_DRAIN_MS + 1000) : '1000',
      },
      mounts: [{ volume: LOG_VOLUME, mountPath: LOG_DIR }],
      docs: {
        start: 'src/shipper.ts',
        tryIt: [
          {
            where: 'dev',
            command: `curl -s http://127.0.0.1:${options.port}/ && curl -s http://127.0.0.1:${options.port}/healthz`,
            expect: (e) => e.shipperShips,
          },
          {
            where: 'dev',
            command: `for i in $(seq 3000); do curl -s -o /dev/null http://127.0.0.1:${options.port}/; done & sleep 1; kill -9 ${pidOf(CONTAINER_NAMES.logShipper)}; wait`,
            expect: (e) => e.shipperKilled({ maxRepeat: `${MAX_LINE_BYTES / MiB} MiB` }),
          },
          {
            where: 'cluster',
            command: `kubectl logs deploy/${options.name} -c ${CONTAINER_NAMES.logShipper} --tail=3${namespaceFlag(options)}`,
            expect: (e) => e.shipperLogs,
          },
          {
            where: 'cluster',
            command: `kubectl exec deploy/${options.name} -c ${CONTAINER_NAMES.logShipper}${namespaceFlag(options)} -- sh -c 'kill 1'`,
            expect: (e) => e.shipperRestarted,
          },
        ],
        edges: [{ from: CONTAINER_NAMES.logShipper, to: 'kubectl logs', label: 'stdout' }],
        promise: (p) =>
          p.logShipper({ rotatedFiles: ROTATED_FILES, rotateAt: `${ROTATE_AT_BYTES / MiB} MiB`, maxLine: `${MAX_LINE_BYTES / MiB} MiB` }),
      },
    },
    volumes: [{ name: LOG_VOLUME, sizeLimit: LOG_VOLUME_LIMIT, purpose: 'the access log, written by app and read by log-shipper' }],
    companions: [],
    annotations: {},
  };
}
