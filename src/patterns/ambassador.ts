import {
  AMBASSADOR_HEALTH_PORT,
  AMBASSADOR_PROXY_PORT,
  CONTAINER_NAMES,
  HELPER_DRAIN_MS,
  UPSTREAM_BACKUP_PORT,
  UPSTREAM_PRIMARY_PORT,
} from './constants.js';
import { namespaceFlag, pidOf } from './commands.js';
import type { ContainerSpec, HelperPart, ProjectOptions } from './types.js';

/** Object-name suffixes of the two demo upstreams (`<name>-upstream-primary`, ...). */
export const UPSTREAM_SUFFIXES = { primary: 'upstream-primary', backup: 'upstream-backup' } as const;

/** The demo upstream's readiness path: its probe, and the ambassador's health check, ask it. */
const UPSTREAM_READINESS_PATH = '/readyz';
/** How long the app waits for the ambassador's answer; a failover must fit well inside it. */
const APP_UPSTREAM_TIMEOUT_MS = 3000;
/**
 * The slowest a live upstream may be to start its answer. With two upstreams a hung primary
 * costs this once, then the backup answers: 1 s + the backup, inside the app's 3 s.
 */
const FIRST_BYTE_TIMEOUT_MS = 1000;
/** HAProxy's `check inter 1s rise 2 fall 2`. */
const HEALTH_CHECK = { intervalMs: 1000, rise: 2, fall: 2 };

function upstreamContainer(label: string, port: number): ContainerSpec {
  return {
    name: CONTAINER_NAMES.upstream,
    template: 'upstream',
    role: 'main',
    purpose: `demo upstream (${label}) so the pattern works in a cluster with no internet`,
    ports: [{ name: 'http', containerPort: port, scope: 'pod', service: { port } }],
    env: { PORT: String(port), UPSTREAM_NAME: label, SHUTDOWN_DRAIN_MS: String(HELPER_DRAIN_MS) },
    mounts: [],
    readiness: { path: UPSTREAM_READINESS_PATH, port: 'http' },
    liveness: { path: '/healthz', port: 'http' },
    docs: { start: 'src/server.ts' },
  };
}

/** Ambassador proxy: the app calls 127.0.0.1; the ambassador owns the way out. */
export function ambassadorHelper(options: ProjectOptions): HelperPart {
  const host = (suffix: string) => `${options.name}-${suffix}`;
  return {
    helper: 'ambassador',
    app: {
      env: { UPSTREAM_URL: `http://127.0.0.1:${AMBASSADOR_PROXY_PORT}`, UPSTREAM_TIMEOUT_MS: String(APP_UPSTREAM_TIMEOUT_MS) },
      mounts: [],
      parts: ['upstream'],
    },
    container: {
      name: CONTAINER_NAMES.ambassador,
      template: 'ambassador',
      role: 'helper',
      purpose: 'TCP proxy on loopback: health-checks the upstreams and fails over on any failure before the first byte of the answer',
      ports: [
        { name: 'proxy', containerPort: AMBASSADOR_PROXY_PORT, scope: 'loopback' },
        { name: 'health', containerPort: AMBASSADOR_HEALTH_PORT, scope: 'pod' },
      ],
      env: {
        LISTEN_HOST: '127.0.0.1',
        LISTEN_PORT: String(AMBASSADOR_PROXY_PORT),
        HEALTH_PORT: String(AMBASSADOR_HEALTH_PORT),
        UPSTREAMS: [
          `${host(UPSTREAM_SUFFIXES.primary)}:${UPSTREAM_PRIMARY_PORT}`,
          `${host(UPSTREAM_SUFFIXES.backup)}:${UPSTREAM_BACKUP_PORT}`,
        ].join(','),
        CONNECT_TIMEOUT_MS: '1000',
        // An upstream that took the request but starts no answer this long is hung: next one.
        FIRST_BYTE_TIMEOUT_MS: String(FIRST_BYTE_TIMEOUT_MS),
        // Request bytes kept until the answer begins, to send again to the next upstream; a
        // longer request is still proxied, but not retried (a log line says so).
        REPLAY_BUFFER_BYTES: String(64 * 1024),
        IDLE_TIMEOUT_MS: '30000',
        // Active checks, as HAProxy's `check inter 1s rise 2 fall 2` with `option httpchk`: an
        // upstream is out after 2 failed checks in a row (also at once after a failed request),
        // back after 2 passed ones. HTTP, not a bare connect: a hung process still accepts.
        HEALTH_CHECK_MODE: 'http',
        HEALTH_CHECK_PATH: UPSTREAM_READINESS_PATH,
        HEALTH_CHECK_INTERVAL_MS: String(HEALTH_CHECK.intervalMs),
        HEALTH_CHECK_TIMEOUT_MS: '500',
        HEALTH_CHECK_RISE: String(HEALTH_CHECK.rise),
        HEALTH_CHECK_FALL: String(HEALTH_CHECK.fall),
        // Names are resolved once, then refreshed in the background: slow DNS never delays a connect.
        DNS_REFRESH_MS: '5000',
        // After SIGTERM it keeps proxying this long: a classic sidecar is stopped together
        // with the app and must outlive its drain; a native one is stopped after the app exited.
        SHUTDOWN_DRAIN_MS: options.sidecarMode === 'classic' ? String(HELPER_DRAIN_MS) : '1000',
      },
      mounts: [],
      readiness: { path: '/readyz', port: 'health' },
      liveness: { path: '/healthz', port: 'health' },
      startup: { path: '/healthz', port: 'health' },
      docs: {
        start: 'src/proxy.ts',
        tryIt: [
          { where: 'dev', command: `curl -s http://127.0.0.1:${options.port}/upstream`, expect: (e) => e.upstreamAnswers },
          {
            where: 'dev',
            command: `kill -STOP ${pidOf(UPSTREAM_SUFFIXES.primary)}; curl -s http://127.0.0.1:${options.port}/upstream; curl -s http://127.0.0.1:${AMBASSADOR_HEALTH_PORT}/healthz`,
            expect: (e) =>
              e.primaryHung({
                firstByteMs: String(FIRST_BYTE_TIMEOUT_MS),
                outAfterMs: String(HEALTH_CHECK.intervalMs * HEALTH_CHECK.fall),
              }),
          },
          {
            where: 'dev',
            command: `kill -CONT ${pidOf(UPSTREAM_SUFFIXES.primary)}`,
            expect: (e) => e.primaryBack({ backAfterMs: String(HEALTH_CHECK.intervalMs * HEALTH_CHECK.rise) }),
          },
          {
            where: 'cluster',
            command: `kubectl scale deployment ${host(UPSTREAM_SUFFIXES.primary)} --replicas=0${namespaceFlag(options)}`,
            expect: (e) => e.primaryScaledDown,
          },
        ],
        edges: [UPSTREAM_SUFFIXES.primary, UPSTREAM_SUFFIXES.backup].map((suffix) => ({ from: CONTAINER_NAMES.ambassador, to: suffix })),
        promise: (p) => p.ambassador({ firstByteMs: FIRST_BYTE_TIMEOUT_MS, ...HEALTH_CHECK }),
      },
    },
    volumes: [],
    companions: [
      { suffix: UPSTREAM_SUFFIXES.primary, container: upstreamContainer('primary', UPSTREAM_PRIMARY_PORT) },
      { suffix: UPSTREAM_SUFFIXES.backup, container: upstreamContainer('backup', UPSTREAM_BACKUP_PORT) },
    ],
    annotations: {},
  };
}
