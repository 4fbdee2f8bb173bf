import { appContainer } from './app.js';
import { APP_DRAIN_MS, CONTAINER_NAMES } from './constants.js';
import type { PodSpecPlan, ProjectOptions } from './types.js';

const LOG_DIR = '/var/log/app';
const LOG_VOLUME = 'app-logs';

export function sidecarPattern(options: ProjectOptions): PodSpecPlan {
  const logFile = `${LOG_DIR}/access.log`;
  return {
    pattern: 'sidecar',
    title: 'Sidecar logger',
    summary:
      'The app writes an access log to a file on a shared emptyDir; a separate log-shipper container follows it and prints each line as JSON on its stdout.',
    containers: [
      appContainer(options, {
        env: { ACCESS_LOG: logFile, ACCESS_LOG_MAX_BYTES: String(1024 * 1024) },
        mounts: [{ volume: LOG_VOLUME, mountPath: LOG_DIR }],
      }),
      {
        name: CONTAINER_NAMES.logShipper,
        template: 'log-shipper',
        role: 'helper',
        purpose: 'follows the access log across rotation and truncation and ships each line once, as JSON, to stdout',
        ports: [],
        env: {
          LOG_FILE: logFile,
          // On the shared volume, so a restarted shipper resumes where it stopped.
          OFFSET_FILE: `${LOG_DIR}/.log-shipper.offset`,
          POLL_INTERVAL_MS: '200',
          // After SIGTERM, keep reading until the file has been quiet this long. A classic
          // sidecar is stopped together with the app, so it must outwait the app's drain.
          SHUTDOWN_QUIET_MS: options.sidecarMode === 'classic' ? String(APP_DRAIN_MS + 1000) : '1000',
        },
        mounts: [{ volume: LOG_VOLUME, mountPath: LOG_DIR }],
      },
    ],
    volumes: [{ name: LOG_VOLUME, sizeLimit: '64Mi', purpose: 'the access log, written by app and read by log-shipper' }],
    companions: [],
    annotations: {},
  };
}
