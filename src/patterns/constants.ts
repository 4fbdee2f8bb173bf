/** Fixed facts shared by the manifests, the Dockerfiles and the container code. */

/** Numeric non-root identity (>= 10000 so it never maps to a host user). */
export const RUN_AS_UID = 10001;
export const RUN_AS_GID = 10001;

/** Helper ports. The app's port is the user's choice and must differ from all of these. */
export const AMBASSADOR_PROXY_PORT = 9000;
export const AMBASSADOR_HEALTH_PORT = 9001;
export const ADAPTER_METRICS_PORT = 9102;
/** The demo upstreams run outside the pod, but share localhost with it in `npm run dev`. */
export const UPSTREAM_PRIMARY_PORT = 9081;
export const UPSTREAM_BACKUP_PORT = 9082;

/**
 * The anti-pattern project's web and db ports. In its wrong design all three containers share
 * one localhost, so the app's port must differ from both.
 */
export const WEB_PORT = 8000;
export const DB_PORT = 7000;

/** The Service of the workload publishes the app on this port. */
export const SERVICE_HTTP_PORT = 80;

/** Tag of every image the project builds; never `latest`, so IfNotPresent uses loaded images. */
export const IMAGE_TAG = 'dev';

/**
 * Public base image the Dockerfiles default to: the current Node LTS (24) on the current slim
 * Debian (13, trixie), pinned to a patch release so a rebuild gets the same runtime. BASE_IMAGE overrides it.
 */
export const DEFAULT_BASE_IMAGE = 'node:24.22.3-trixie-slim';

/** Memory limit of every helper container: its tests hold its measured peak under it. */
export const HELPER_MEMORY_LIMIT = '160Mi';
/** Memory limit of the app container. */
export const APP_MEMORY_LIMIT = '192Mi';

/** Seconds the pod gets to stop: app drain + shipper flush fit well inside. */
export const TERMINATION_GRACE_SECONDS = 30;
/** How long the app keeps serving in-flight requests after SIGTERM. */
export const APP_DRAIN_MS = 5000;
/** Bounds a helper's own drain; the ambassador, as a classic sidecar, keeps proxying this long after SIGTERM. */
export const HELPER_DRAIN_MS = 7000;

export const CONTAINER_NAMES = {
  app: 'app',
  logShipper: 'log-shipper',
  ambassador: 'ambassador',
  adapter: 'adapter',
  upstream: 'upstream',
  web: 'web',
  db: 'db',
} as const;
