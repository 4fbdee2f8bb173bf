import { appContainer } from './app.js';
import { ADAPTER_METRICS_PORT, CONTAINER_NAMES, HELPER_DRAIN_MS } from './constants.js';
import type { PodSpecPlan, ProjectOptions } from './types.js';

export function adapterPattern(options: ProjectOptions): PodSpecPlan {
  return {
    pattern: 'adapter',
    title: 'Adapter monitor',
    summary:
      "The app reports its status in its own JSON format; the adapter container translates it into Prometheus text format, so the app never learns Prometheus.",
    containers: [
      appContainer(options),
      {
        name: CONTAINER_NAMES.adapter,
        template: 'adapter',
        role: 'helper',
        purpose: "reads the app's /status JSON and serves it as Prometheus metrics",
        ports: [{ name: 'metrics', containerPort: ADAPTER_METRICS_PORT, scope: 'pod', service: { port: ADAPTER_METRICS_PORT } }],
        env: {
          LISTEN_PORT: String(ADAPTER_METRICS_PORT),
          METRICS_PATH: '/metrics',
          APP_STATUS_URL: `http://127.0.0.1:${options.port}/status`,
          SCRAPE_TIMEOUT_MS: '2000',
          METRIC_PREFIX: 'app_',
          SHUTDOWN_DRAIN_MS: String(HELPER_DRAIN_MS),
        },
        mounts: [],
        readiness: { path: '/readyz', port: 'metrics' },
        liveness: { path: '/healthz', port: 'metrics' },
      },
    ],
    volumes: [],
    companions: [],
    annotations: {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(ADAPTER_METRICS_PORT),
      'prometheus.io/path': '/metrics',
    },
  };
}
