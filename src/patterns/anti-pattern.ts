import { appContainer } from './app.js';
import { CONTAINER_NAMES, DB_PORT, SERVICE_HTTP_PORT, WEB_PORT } from './constants.js';
import type { ContainerSpec, DesignSpec, LessonDescription, ProjectOptions, WorkloadSpec } from './types.js';

/**
 * The anti-pattern, on purpose: a web front, an app and a database. The same three containers
 * run in two designs, so the only difference a reader sees is the design:
 * - wrong (k8s-anti-pattern/): one Deployment whose pod holds all three, sharing localhost, the
 *   database's data on an emptyDir that dies with the pod;
 * - fix (k8s/): three workloads, each behind its own Service, reaching each other by Service
 *   name; the database a StatefulSet whose PersistentVolumeClaim outlives its pod.
 */
export const ANTI_PATTERN = 'anti-pattern';

/** Folders of the two designs: k8s/ is what the project runs (`npm run dev`, `npm run deploy`). */
export const FIX_FOLDER = 'k8s';
export const WRONG_FOLDER = 'k8s-anti-pattern';

/** Where the db keeps its journal: on a PersistentVolumeClaim in the fix, on an emptyDir in the wrong pod. */
const DB_DATA_DIR = '/var/lib/db';
const DB_VOLUME = 'data';
/** How long the web waits for the app, and the app for the db, before answering 503. */
const APP_TIMEOUT_MS = 2000;
const DB_TIMEOUT_MS = 1000;
/** The web and the db drain like the app: in-flight requests end before they exit. */
const DRAIN_MS = 5000;
/** Bounds on what clients can make the web and the db hold: memory and the journal stay small. */
const WEB_BODY_MAX_BYTES = 64 * 1024;
const DB_MAX_COUNTERS = 1000;
const DB_JOURNAL_MAX_BYTES = 1024 * 1024;

/**
 * What `npm run demo` does, as the README tells it (scripts/demo.mjs runs it): both designs at
 * this many replicas, this many visits written, the db kept down this many seconds.
 */
export const DEMO = { replicas: 3, writes: 10, downSeconds: 3 };

/** Where each container reaches the next: a Service name in the fix, the shared localhost in the wrong pod. */
interface Wiring {
  appUrl: string;
  dbUrl: string;
}

function webContainer(options: ProjectOptions, { appUrl }: Wiring): ContainerSpec {
  return {
    name: CONTAINER_NAMES.web,
    template: 'web',
    role: 'main',
    purpose: 'the front: a page with the visit count, and /api/ passed on to the app',
    ports: [{ name: 'http', containerPort: WEB_PORT, scope: 'pod', service: { port: SERVICE_HTTP_PORT } }],
    env: {
      PORT: String(WEB_PORT),
      SERVICE_NAME: options.name,
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      APP_URL: appUrl,
      APP_TIMEOUT_MS: String(APP_TIMEOUT_MS),
      BODY_MAX_BYTES: String(WEB_BODY_MAX_BYTES),
    },
    mounts: [],
    readiness: { path: '/readyz', port: 'http' },
    liveness: { path: '/healthz', port: 'http' },
    docs: { start: 'src/front.ts' },
  };
}

function dbContainer(options: ProjectOptions): ContainerSpec {
  return {
    name: CONTAINER_NAMES.db,
    template: 'db',
    role: 'main',
    purpose: 'a small database standing for PostgreSQL or MySQL: counters on a journal, fsynced before each answer',
    // A headless Service publishes the pod's own port: clients use the same number.
    ports: [{ name: 'db', containerPort: DB_PORT, scope: 'pod', service: { port: DB_PORT } }],
    env: {
      PORT: String(DB_PORT),
      SERVICE_NAME: options.name,
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      DATA_DIR: DB_DATA_DIR,
      MAX_COUNTERS: String(DB_MAX_COUNTERS),
      JOURNAL_MAX_BYTES: String(DB_JOURNAL_MAX_BYTES),
    },
    mounts: [{ volume: DB_VOLUME, mountPath: DB_DATA_DIR }],
    // Ready once its journal is replayed.
    readiness: { path: '/readyz', port: 'db' },
    liveness: { path: '/healthz', port: 'db' },
    docs: { start: 'src/store.ts' },
  };
}

/** The three containers, wired as a design connects them. */
function threeTiers(options: ProjectOptions, wiring: Wiring): { web: ContainerSpec; app: ContainerSpec; db: ContainerSpec } {
  return {
    web: webContainer(options, wiring),
    app: {
      ...appContainer(options, { env: { DB_URL: wiring.dbUrl, DB_TIMEOUT_MS: String(DB_TIMEOUT_MS) }, parts: ['visits'] }),
      // What this lesson's app adds: the visits it keeps in the database.
      docs: { start: 'src/parts/visits/index.ts' },
    },
    db: dbContainer(options),
  };
}

/**
 * The containers as one pod holds them. Only the first is published: the pod's Service reaches
 * the web. A port name must be unique in a pod (a Service or a probe that names it would find the
 * first container's), so a later container's clashing name takes the container's name before it
 * (`app-http`), and its probes follow.
 */
function inOnePod(containers: ContainerSpec[]): ContainerSpec[] {
  const taken = new Set<string>();
  return containers.map((c, i) => {
    const renamed = new Map(c.ports.map((p) => [p.name, taken.has(p.name) ? `${c.name}-${p.name}` : p.name]));
    for (const name of renamed.values()) taken.add(name);
    const probe = (spec: ContainerSpec['readiness']) => spec && { ...spec, port: renamed.get(spec.port) ?? spec.port };
    return {
      ...c,
      ports: c.ports.map(({ service, ...p }) => ({ ...p, name: renamed.get(p.name)!, ...(i === 0 && service ? { service } : {}) })),
      readiness: probe(c.readiness),
      liveness: probe(c.liveness),
      startup: probe(c.startup),
    };
  });
}

const workload = (w: Omit<WorkloadSpec, 'volumes' | 'claims' | 'service'> & Partial<WorkloadSpec>): WorkloadSpec => ({
  volumes: [],
  claims: [],
  service: 'cluster-ip',
  ...w,
});

function fixDesign(options: ProjectOptions): DesignSpec {
  const host = (suffix: string) => `${options.name}-${suffix}`;
  const { web, app, db } = threeTiers(options, {
    appUrl: `http://${host('app')}:${SERVICE_HTTP_PORT}`,
    dbUrl: `http://${host('db')}:${DB_PORT}`,
  });
  return {
    folder: FIX_FOLDER,
    // In start order: what each one needs is already up.
    workloads: [
      workload({
        suffix: 'db',
        kind: 'StatefulSet',
        file: 'db.yaml',
        // One database: more replicas would be more databases, not more of one.
        replicas: 1,
        containers: [db],
        claims: [{ name: DB_VOLUME, storage: '1Gi' }],
        service: 'headless',
      }),
      workload({ suffix: 'app', kind: 'Deployment', file: 'app.yaml', replicas: options.replicas, containers: [app] }),
      workload({ suffix: 'web', kind: 'Deployment', file: 'web.yaml', replicas: options.replicas, containers: [web] }),
    ],
    expectedFindings: [],
  };
}

function wrongDesign(options: ProjectOptions): DesignSpec {
  const { web, app, db } = threeTiers(options, {
    appUrl: `http://127.0.0.1:${options.port}`,
    dbUrl: `http://127.0.0.1:${DB_PORT}`,
  });
  return {
    folder: WRONG_FOLDER,
    workloads: [
      workload({
        suffix: 'all-in-one',
        kind: 'Deployment',
        file: 'deployment.yaml',
        serviceFile: 'service.yaml',
        replicas: options.replicas,
        // The web first: it is the pod's default container, the one its Service reaches.
        containers: inOnePod([web, app, db]),
        // The natural mistake: the data lives as long as the pod.
        volumes: [{ name: DB_VOLUME, sizeLimit: '256Mi', purpose: "the database's data, deleted with the pod" }],
      }),
    ],
    expectedFindings: ['multiple-main-services'],
  };
}

/** Both designs of the same three containers; the fix's folder is k8s/. */
export function describeAntiPattern(options: ProjectOptions): LessonDescription {
  const fix = fixDesign(options);
  return {
    pattern: ANTI_PATTERN,
    designs: [fix, wrongDesign(options)],
    // As a request meets them: web, app, db.
    containers: fix.workloads.flatMap((w) => w.containers).reverse(),
    overlay: 'anti-pattern',
    // Both designs side by side, as local processes: scaling, failure, rollout.
    scripts: { demo: 'node scripts/demo.mjs' },
    texts: { 'scripts/lib/demo-text.mjs': 'demo' },
  };
}
