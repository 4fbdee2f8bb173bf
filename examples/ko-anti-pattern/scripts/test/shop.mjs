// The anti-pattern project in small, for the demo's tests: both folders' manifests (only the
// fields the scripts read) and a throwaway project that runs them with tiny stand-in containers.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

const here = fileURLToPath(new URL('.', import.meta.url));
const scripts = join(here, '..');
// The packages the scripts import, wherever this project's (or the generator's) node_modules is.
const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('yaml/package.json')));

const env = (values) => Object.entries(values).map(([name, value]) => ({ name, value: String(value) }));
const probes = (port) => ({
  readinessProbe: { httpGet: { path: '/readyz', port }, periodSeconds: 5, failureThreshold: 3 },
  livenessProbe: { httpGet: { path: '/healthz', port }, periodSeconds: 10 },
});
const DRAIN_MS = 200;

const web = (appUrl) => ({
  name: 'web',
  image: 'local/shop-web:dev',
  ports: [{ name: 'http', containerPort: 8000 }],
  env: env({ PORT: 8000, SERVICE_NAME: 'shop', SHUTDOWN_DRAIN_MS: DRAIN_MS, APP_URL: appUrl, APP_TIMEOUT_MS: 2000 }),
  ...probes('http'),
});
const app = (dbUrl) => ({
  name: 'app',
  image: 'local/shop-app:dev',
  ports: [{ name: 'http', containerPort: 8080 }],
  env: env({ PORT: 8080, SERVICE_NAME: 'shop', SHUTDOWN_DRAIN_MS: DRAIN_MS, DB_URL: dbUrl, DB_TIMEOUT_MS: 1000 }),
  ...probes('http'),
});
const db = {
  name: 'db',
  image: 'local/shop-db:dev',
  ports: [{ name: 'db', containerPort: 7000 }],
  env: env({ PORT: 7000, SERVICE_NAME: 'shop', SHUTDOWN_DRAIN_MS: DRAIN_MS, DATA_DIR: '/var/lib/db' }),
  volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }],
  ...probes('db'),
};

const labels = (name) => ({ 'app.kubernetes.io/name': name });
const template = (name, spec, annotations) => ({ metadata: { labels: labels(name), ...(annotations && { annotations }) }, spec });
const deployment = (name, replicas, spec, annotations) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas, selector: { matchLabels: labels(name) }, template: template(name, spec, annotations) },
});
const service = (name, port, targetPort, more = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { ...more, selector: labels(name), ports: [{ port, targetPort }] },
});

/** k8s-anti-pattern/: web, app and db in one pod; the db's data on an emptyDir. */
export const antiPatternFiles = (replicas = 1) => ({
  'kustomization.yaml': { resources: ['deployment.yaml', 'service.yaml'] },
  'deployment.yaml': deployment(
    'shop-all-in-one',
    replicas,
    {
      containers: [web('http://127.0.0.1:8080'), app('http://127.0.0.1:7000'), db],
      volumes: [{ name: 'data', emptyDir: { sizeLimit: '256Mi' } }],
    },
    { 'kubectl.kubernetes.io/default-container': 'web' },
  ),
  'service.yaml': service('shop-all-in-one', 80, 'http'),
});

/** k8s/: the db a StatefulSet with a claim and a headless Service; app and web Deployments + Services. */
export const fixFiles = (replicas = 1) => ({
  'kustomization.yaml': { resources: ['db.yaml', 'app.yaml', 'web.yaml'] },
  'db.yaml': [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'shop-db' },
      spec: {
        replicas: 1,
        serviceName: 'shop-db',
        selector: { matchLabels: labels('shop-db') },
        template: template('shop-db', { containers: [db] }),
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
        ],
      },
    },
    service('shop-db', 7000, 'db', { clusterIP: 'None' }),
  ],
  'app.yaml': [deployment('shop-app', replicas, { containers: [app('http://shop-db:7000')] }), service('shop-app', 80, 'http')],
  'web.yaml': [deployment('shop-web', replicas, { containers: [web('http://shop-app:80')] }), service('shop-web', 80, 'http')],
});

/** The manifests as readManifests() gives them, without files. */
export const manifestsOf = (files, dir) => ({
  workload: files['deployment.yaml'] ? files['deployment.yaml'].metadata.name : undefined,
  dir,
  objects: Object.entries(files)
    .filter(([name]) => name !== 'kustomization.yaml')
    .flatMap(([, objects]) => objects),
});

function writeFolder(root, folder, files) {
  mkdirSync(join(root, folder), { recursive: true });
  for (const [name, objects] of Object.entries(files)) {
    const documents = Array.isArray(objects) ? objects : [objects];
    writeFileSync(join(root, folder, name), documents.map((o) => stringify(o)).join('---\n'));
  }
}

/**
 * A project with the project scripts, the demo, both folders and the stand-in containers as
 * their built code. The demo's and the scripts' text is the project's own (rendered at generation),
 * or, in the generator's repository, rendered here from the English catalog.
 */
export async function fakeShopProject() {
  const root = mkdtempSync(join(tmpdir(), 'demo-shop-'));
  const notTests = (path) => !path.includes(`${join('scripts', 'test')}`);
  // In the generator's repository the demo sits apart from the scripts every project gets.
  if (!existsSync(join(scripts, 'lib', 'manifests.mjs'))) {
    cpSync(join(scripts, '..', '..', 'project', 'scripts'), join(root, 'scripts'), { recursive: true, filter: notTests });
  }
  cpSync(scripts, join(root, 'scripts'), { recursive: true, filter: notTests });
  for (const [file, area] of [
    ['demo-text.mjs', 'demo'],
    ['text.mjs', 'scripts'],
  ]) {
    if (existsSync(join(root, 'scripts/lib', file))) continue;
    // A computed path: a generated project has no src/, and must not resolve it.
    const catalog = new URL(['..', '..', '..', '..', 'src', 'i18n', 'en', `${area}.ts`].join('/'), import.meta.url).href;
    const { [area]: words } = await import(/* @vite-ignore */ catalog);
    writeFileSync(join(root, 'scripts/lib', file), `export const text = ${JSON.stringify(words, null, 2)};\n`);
  }
  symlinkSync(nodeModules, join(root, 'node_modules'), 'dir');
  writeFolder(root, 'k8s-anti-pattern', antiPatternFiles());
  writeFolder(root, 'k8s', fixFiles());
  for (const name of ['web', 'app', 'db']) {
    mkdirSync(join(root, 'containers', name, 'dist'), { recursive: true });
    cpSync(join(here, 'fake-containers', `${name}.cjs`), join(root, 'containers', name, 'dist/index.cjs'));
  }
  return root;
}

/** A module of the project's scripts/lib, as the fake project at `root` holds it (the demo beside the project scripts). */
export const importLib = (root, name) => import(/* @vite-ignore */ pathToFileURL(join(root, 'scripts', 'lib', name)).href);

/** Pids of the processes running code of the project at `root` (its containers), from /proc. */
export function processesOf(root) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (
        readFileSync(`/proc/${entry}/cmdline`, 'utf8')
          .split('\0')
          .some((arg) => arg.startsWith(`${root}/containers/`))
      )
        pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
