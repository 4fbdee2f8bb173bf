import { ADAPTER_METRICS_PORT, CONTAINER_NAMES, HELPER_DRAIN_MS, HELPER_MEMORY_LIMIT } from './constants.js';
import type { HelperPart, ProjectOptions } from './types.js';
import { namespaceFlag } from './commands.js';

/** 512 KiB: a status of 1,000 fields is about 30 kB, of 10,000 (MAX_SERIES) about 300 kB; past this the read is cut and counted as too_large. */
const MAX_STATUS_BYTES = 512 * 1024;
/** App series per scrape; more are dropped and counted in adapter_dropped_series. */
const MAX_SERIES = 10_000;
/**
 * V8's heap: old space 48 MiB, young semi-spaces 2 MiB. Without the second, Node 24 reached
 * 146 MiB of RSS scraping a status of 30,000 fields (its young generation alone grows to tens
 * of MiB); with both, 99 MiB at worst against the 160Mi limit (the adapter's memory-bound test).
 */
const METRICS_PATH = '/metrics';
const NODE_HEAP_OPTIONS = '--max-old-space-size=48 --max-semi-space-size=2';

/** Adapter monitor: the adapter serves the app's own status as Prometheus metrics. */
export function adapterHelper(options: ProjectOptions): HelperPart {
  const metricsUrl = `http://127.0.0.1:${ADAPTER_METRICS_PORT}${METRICS_PATH}`;
  return {
    helper: 'adapter',
    app: { env: {}, mounts: [] },
    container: {
      name: CONTAINER_NAMES.adapter,
      template: 'adapter',
      role: 'helper',
      purpose: "reads the app's /status JSON and serves it as Prometheus metrics",
      ports: [{ name: 'metrics', containerPort: ADAPTER_METRICS_PORT, scope: 'pod', service: { port: ADAPTER_METRICS_PORT } }],
      env: {
        LISTEN_PORT: String(ADAPTER_METRICS_PORT),
        METRICS_PATH,
        APP_STATUS_URL: `http://127.0.0.1:${options.port}/status`,
        SCRAPE_TIMEOUT_MS: '2000',
        METRIC_PREFIX: 'app_',
        // Bounds on what one read of the app may cost, so that the adapter stays inside its
        // memory limit whatever the status holds (measured by the adapter's memory-bound test).
        MAX_STATUS_BYTES: String(MAX_STATUS_BYTES),
        MAX_SERIES: String(MAX_SERIES),
        NODE_OPTIONS: NODE_HEAP_OPTIONS,
        SHUTDOWN_DRAIN_MS: String(HELPER_DRAIN_MS),
      },
      mounts: [],
      readiness: { path: '/readyz', port: 'metrics' },
      liveness: { path: '/healthz', port: 'metrics' },
      dependencies: { 'prom-client': '^15.1.3' },
      docs: {
        start: 'src/translate.ts',
        tryIt: [
          { where: 'dev', command: `curl -s http://127.0.0.1:${options.port}/status`, expect: (e) => e.statusJson },
          { where: 'dev', command: `curl -s ${metricsUrl}`, expect: (e) => e.metricsText },
          { where: 'dev', command: `curl -s ${metricsUrl} | promtool check metrics`, expect: (e) => e.promtoolClean },
          {
            where: 'cluster',
            command: `kubectl port-forward deploy/${options.name} ${ADAPTER_METRICS_PORT}${namespaceFlag(options)} & curl -s ${metricsUrl}`,
            expect: (e) => e.metricsText,
          },
        ],
        edges: [{ from: 'Prometheus', to: CONTAINER_NAMES.adapter, label: `:${ADAPTER_METRICS_PORT}${METRICS_PATH}` }],
        promise: (p) => p.adapter({ maxStatus: `${MAX_STATUS_BYTES / 1024} KiB`, maxSeries: MAX_SERIES, memory: HELPER_MEMORY_LIMIT }),
      },
    },
    volumes: [],
    companions: [],
    annotations: {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(ADAPTER_METRICS_PORT),
      'prometheus.io/path': METRICS_PATH,
    },
  };
}
