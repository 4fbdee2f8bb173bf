import { APP_DRAIN_MS, CONTAINER_NAMES, SERVICE_HTTP_PORT } from './constants.js';
import type { ContainerSpec, ProjectOptions } from './types.js';

/** The app container every pattern starts from; patterns add env, mounts and the optional code parts that use them. */
export function appContainer(options: ProjectOptions, extra: Partial<Pick<ContainerSpec, 'env' | 'mounts' | 'parts'>> = {}): ContainerSpec {
  return {
    name: CONTAINER_NAMES.app,
    template: 'app',
    role: 'main',
    purpose: 'the service itself: GET / (JSON), /healthz, /readyz, /status',
    ports: [{ name: 'http', containerPort: options.port, scope: 'pod', service: { port: SERVICE_HTTP_PORT } }],
    env: {
      PORT: String(options.port),
      SERVICE_NAME: options.name,
      SHUTDOWN_DRAIN_MS: String(APP_DRAIN_MS),
      ...extra.env,
    },
    mounts: extra.mounts ?? [],
    parts: extra.parts ?? [],
    readiness: { path: '/readyz', port: 'http' },
    liveness: { path: '/healthz', port: 'http' },
    docs: {
      start: 'src/routes.ts',
      tryIt: [{ where: 'dev', command: `curl -s http://127.0.0.1:${options.port}/`, expect: (e) => e.appAnswers }],
    },
  };
}
