// Small hand-written manifests, shaped like the generated k8s/ (only the fields the scripts read).
// And the scripts' words, as the project has them.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ownText = new URL('../lib/text.mjs', import.meta.url);

/**
 * What the scripts say: the project's own lib/text.mjs (create-pod-pattern writes it in the
 * project's language), or, in the generator's repository, which has none, the English catalog.
 */
export const text = existsSync(fileURLToPath(ownText))
  ? (await import(/* @vite-ignore */ ownText.href)).text
  : // A computed path: a generated project has no src/, and must not resolve it.
    (await import(/* @vite-ignore */ new URL(['..', '..', '..', '..', 'src', 'i18n', 'en', 'scripts.ts'].join('/'), import.meta.url).href))
      .scripts;

/** Gives the scripts copied into `<root>/scripts` their words, unless the copy has its own lib/text.mjs. */
export function writeText(root) {
  const file = join(root, 'scripts', 'lib', 'text.mjs');
  if (!existsSync(file)) writeFileSync(file, `export const text = ${JSON.stringify(text, null, 2)};\n`);
}

/** A RegExp source matching `template` as filled in, each `{name}` by `groups[name]` (a regex source; else anything). */
export const textPattern = (template, groups = {}) =>
  template
    .split(/(\{\w+\})/)
    .map((part, i) => (i % 2 === 1 ? (groups[part.slice(1, -1)] ?? '.*?') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');

export function deployment(name, { containers, initContainers, volumes, annotations, namespace, grace, replicas } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace && { namespace }) },
    spec: {
      ...(replicas && { replicas }),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, ...(annotations && { annotations }) },
        spec: { ...(grace && { terminationGracePeriodSeconds: grace }), initContainers, containers, volumes },
      },
    },
  };
}

export function service(name, { port, targetPort, namespace }) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(namespace && { namespace }) },
    spec: { selector: { app: name }, ports: [{ port, targetPort }] },
  };
}

export const env = (values) => Object.entries(values).map(([name, value]) => ({ name, value }));

const image = (container) => `local/demo-${container}:dev`;

export const app = (extraEnv = {}, more = {}) => ({
  name: 'app',
  image: image('app'),
  ports: [{ name: 'http', containerPort: 8080 }],
  env: env({ PORT: '8080', ...extraEnv }),
  readinessProbe: { httpGet: { path: '/readyz', port: 'http' } },
  livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
  ...more,
});

/** The sidecar logger: app and log-shipper share the emptyDir app-logs at /var/log/app. */
export function sidecarPattern({ mode = 'native', namespace, replicas } = {}) {
  const mounts = [{ name: 'app-logs', mountPath: '/var/log/app' }];
  const shipper = {
    name: 'log-shipper',
    image: image('log-shipper'),
    env: env({ LOG_FILE: '/var/log/app/access.log', OFFSET_FILE: '/var/log/app/.log-shipper.offset', POLL_INTERVAL_MS: '200' }),
    volumeMounts: mounts,
  };
  const appContainer = app({ ACCESS_LOG: '/var/log/app/access.log' }, { volumeMounts: mounts });
  const pod = deployment('demo', {
    namespace,
    replicas,
    grace: 30,
    volumes: [{ name: 'app-logs', emptyDir: { sizeLimit: '64Mi' } }],
    ...(mode === 'native'
      ? { initContainers: [{ ...shipper, restartPolicy: 'Always' }], containers: [appContainer] }
      : { containers: [appContainer, shipper], annotations: { 'kubectl.kubernetes.io/default-container': 'app' } }),
  });
  const objects = [
    ...(namespace ? [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }] : []),
    pod,
    service('demo', { port: 80, targetPort: 'http', namespace }),
  ];
  return { workload: 'demo', objects };
}

/** The ambassador proxy with its two demo upstreams, each a Deployment + Service of its own. */
export function ambassadorPattern({ namespace, upstreams = 'demo-upstream-primary:9081,demo-upstream-backup:9082' } = {}) {
  const upstream = (label, port) => [
    deployment(`demo-upstream-${label}`, {
      namespace,
      containers: [
        { name: 'upstream', image: image('upstream'), ports: [{ name: 'http', containerPort: port }], env: env({ PORT: String(port) }) },
      ],
    }),
    service(`demo-upstream-${label}`, { port, targetPort: 'http', namespace }),
  ];
  const ambassador = {
    name: 'ambassador',
    image: image('ambassador'),
    restartPolicy: 'Always',
    ports: [
      { name: 'proxy', containerPort: 9000 },
      { name: 'health', containerPort: 9001 },
    ],
    env: env({ LISTEN_PORT: '9000', UPSTREAMS: upstreams }),
    startupProbe: { httpGet: { path: '/healthz', port: 'health' } },
  };
  return {
    workload: 'demo',
    objects: [
      deployment('demo', { namespace, initContainers: [ambassador], containers: [app({ UPSTREAM_URL: 'http://127.0.0.1:9000' })] }),
      service('demo', { port: 80, targetPort: 'http', namespace }),
      ...upstream('primary', 9081),
      ...upstream('backup', 9082),
    ],
  };
}

/**
 * The anti-pattern project's fix, as k8s/ holds it with no deployment.yaml: a database
 * StatefulSet with a claim template and a headless Service, then app and web, each a
 * Deployment + Service, connected by Service names.
 */
export function shopFix({ namespace } = {}) {
  const http = (port) => [{ name: 'http', containerPort: port }];
  const db = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'shop-db', ...(namespace && { namespace }) },
    spec: {
      serviceName: 'shop-db',
      replicas: 1,
      selector: { matchLabels: { app: 'shop-db' } },
      template: {
        metadata: { labels: { app: 'shop-db' } },
        spec: {
          containers: [
            {
              name: 'db',
              image: image('db'),
              ports: [{ name: 'db', containerPort: 7000 }],
              env: env({ PORT: '7000', DATA_DIR: '/var/lib/db' }),
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      ],
    },
  };
  const dbService = service('shop-db', { port: 7000, targetPort: 'db', namespace });
  dbService.spec.clusterIP = 'None';
  const appDeployment = deployment('shop-app', {
    namespace,
    containers: [{ name: 'app', image: image('app'), ports: http(8080), env: env({ PORT: '8080', DB_URL: 'http://shop-db:7000' }) }],
  });
  const web = deployment('shop-web', {
    namespace,
    containers: [{ name: 'web', image: image('web'), ports: http(8000), env: env({ PORT: '8000', APP_URL: 'http://shop-app:80' }) }],
  });
  return {
    workload: undefined,
    objects: [
      db,
      dbService,
      appDeployment,
      service('shop-app', { port: 80, targetPort: 'http', namespace }),
      web,
      service('shop-web', { port: 80, targetPort: 'http', namespace }),
    ],
  };
}
