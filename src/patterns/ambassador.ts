import { appContainer } from './app.js';
import {
  AMBASSADOR_HEALTH_PORT,
  AMBASSADOR_PROXY_PORT,
  CONTAINER_NAMES,
  HELPER_DRAIN_MS,
  UPSTREAM_BACKUP_PORT,
  UPSTREAM_PRIMARY_PORT,
} from './constants.js';
import type { ContainerSpec, PodSpecPlan, ProjectOptions } from './types.js';

/** Object-name suffixes of the two demo upstreams (`<name>-upstream-primary`, ...). */
export const UPSTREAM_SUFFIXES = { primary: 'upstream-primary', backup: 'upstream-backup' } as const;

function upstreamContainer(label: string, port: number): ContainerSpec {
  return {
    name: CONTAINER_NAMES.upstream,
    template: 'upstream',
    role: 'main',
    purpose: `demo upstream (${label}) so the pattern works in a cluster with no internet`,
    ports: [{ name: 'http', containerPort: port, scope: 'pod', service: { port } }],
    env: { PORT: String(port), UPSTREAM_NAME: label, SHUTDOWN_DRAIN_MS: String(HELPER_DRAIN_MS) },
    mounts: [],
    readiness: { path: '/readyz', port: 'http' },
    liveness: { path: '/healthz', port: 'http' },
  };
}

export function ambassadorPattern(options: ProjectOptions): PodSpecPlan {
  const host = (suffix: string) => `${options.name}-${suffix}`;
  return {
    pattern: 'ambassador',
    title: 'Ambassador proxy',
    summary:
      'The app talks only to 127.0.0.1:9000; the ambassador container owns the way out: upstream list, connect timeouts and failover.',
    containers: [
      appContainer(options, {
        env: { UPSTREAM_URL: `http://127.0.0.1:${AMBASSADOR_PROXY_PORT}`, UPSTREAM_TIMEOUT_MS: '3000' },
      }),
      {
        name: CONTAINER_NAMES.ambassador,
        template: 'ambassador',
        role: 'helper',
        purpose: 'TCP proxy on loopback: tries each upstream in order with a connect timeout and fails over',
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
          IDLE_TIMEOUT_MS: '30000',
          // A failed upstream is skipped this long before it is tried again.
          RETRY_AFTER_MS: '2000',
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
      },
    ],
    volumes: [],
    companions: [
      { suffix: UPSTREAM_SUFFIXES.primary, container: upstreamContainer('primary', UPSTREAM_PRIMARY_PORT) },
      { suffix: UPSTREAM_SUFFIXES.backup, container: upstreamContainer('backup', UPSTREAM_BACKUP_PORT) },
    ],
    annotations: {},
  };
}
