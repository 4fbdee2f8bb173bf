import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readJson, readYaml, runCli, workspace } from './support/cli.js';

/**
 * `--pattern anti-pattern` (issue 14): the same web, app and db in two designs, the fix in k8s/
 * and the mistake in k8s-anti-pattern/, as docs/command-line.md and the project's README promise.
 */
/** Optional: on this machine's image, not on every user's (it renders kustomizations offline). */
const KUBECTL = 'kubectl';
const FIX = ['kustomization.yaml', 'db.yaml', 'app.yaml', 'web.yaml'];
const WRONG = ['kustomization.yaml', 'deployment.yaml', 'service.yaml'];

/** Folders of projects that several tests of a describe read (workspace() is emptied after each test). */
const shared: string[] = [];
afterAll(() => {
  for (const dir of shared) rmSync(dir, { recursive: true, force: true });
});

async function generate(args: string[], keep = true): Promise<string> {
  const root = keep ? mkdtempSync(join(tmpdir(), 'cpp-anti-')) : workspace();
  if (keep) shared.push(root);
  const dir = join(root, 'shop');
  const result = await runCli([dir, '--pattern', 'anti-pattern', '--name', 'shop', '--yes', ...args]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return dir;
}

const objects = (dir: string, folder: string) =>
  listFiles(join(dir, folder)).flatMap((file) => readYaml(join(dir, folder, file)).map((o) => ({ file, ...o })));
const find = (all: any[], kind: string, name: string) => all.find((o) => o.kind === kind && o.metadata.name === name);

describe('an anti-pattern project holds both designs, named as the design says', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await generate(['--replicas', '3', '--port', '9090']);
  });

  it('writes k8s/ (the fix) and k8s-anti-pattern/ (the mistake) with exactly these files, each listed by its kustomization in start order', () => {
    expect(listFiles(join(dir, 'k8s')).sort()).toEqual([...FIX].sort());
    expect(listFiles(join(dir, 'k8s-anti-pattern')).sort()).toEqual([...WRONG].sort());
    expect(readYaml(join(dir, 'k8s/kustomization.yaml'))[0].resources).toEqual(['db.yaml', 'app.yaml', 'web.yaml']);
    expect(readYaml(join(dir, 'k8s-anti-pattern/kustomization.yaml'))[0].resources).toEqual(['deployment.yaml', 'service.yaml']);
  });

  it('the fix: the db a StatefulSet of one with a 1Gi claim and a headless Service; app and web Deployments of --replicas behind Services on 80', () => {
    const all = objects(dir, 'k8s');
    const db = find(all, 'StatefulSet', 'shop-db');
    expect(db.file).toBe('db.yaml');
    expect(db.spec.replicas).toBe(1);
    expect(db.spec.serviceName).toBe('shop-db');
    expect(db.spec.volumeClaimTemplates).toEqual([
      { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    ]);
    const dbPod = db.spec.template.spec;
    expect(dbPod.containers.map((c: any) => c.name)).toEqual(['db']);
    expect(dbPod.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/db' }]);
    expect(dbPod.volumes).toBeUndefined();
    const dbService = find(all, 'Service', 'shop-db');
    expect(dbService.file).toBe('db.yaml');
    expect(dbService.spec.clusterIP).toBe('None');
    expect(dbService.spec.ports).toEqual([{ name: 'db', port: 7000, targetPort: 'db', protocol: 'TCP' }]);

    for (const [name, port] of [
      ['app', 9090],
      ['web', 8000],
    ] as const) {
      const deployment = find(all, 'Deployment', `shop-${name}`);
      expect(deployment.file).toBe(`${name}.yaml`);
      expect(deployment.spec.replicas).toBe(3);
      const containers = deployment.spec.template.spec.containers;
      expect(containers.map((c: any) => c.name)).toEqual([name]);
      expect(containers[0].ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
      const service = find(all, 'Service', `shop-${name}`);
      expect(service.file).toBe(`${name}.yaml`);
      expect(service.spec.clusterIP).toBeUndefined();
      expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    }
    // Connected by Service names: nothing in the fix points at localhost.
    const env = (kind: string, name: string) =>
      Object.fromEntries(find(all, kind, name).spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
    expect(env('Deployment', 'shop-web')).toMatchObject({ PORT: '8000', APP_URL: 'http://shop-app:80', APP_TIMEOUT_MS: '2000' });
    expect(env('Deployment', 'shop-app')).toMatchObject({ PORT: '9090', DB_URL: 'http://shop-db:7000', DB_TIMEOUT_MS: '1000' });
    expect(env('StatefulSet', 'shop-db')).toMatchObject({ PORT: '7000', DATA_DIR: '/var/lib/db' });
    expect(JSON.stringify(all)).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('the mistake: one Deployment of --replicas whose pod holds web, app and db on one localhost, the data on an emptyDir; its Service reaches the web', () => {
    const all = objects(dir, 'k8s-anti-pattern');
    expect(all.filter((o) => o.kind !== 'Kustomization').map((o) => `${o.file}: ${o.kind}/${o.metadata.name}`)).toEqual([
      'deployment.yaml: Deployment/shop-all-in-one',
      'service.yaml: Service/shop-all-in-one',
    ]);
    const deployment = find(all, 'Deployment', 'shop-all-in-one');
    expect(deployment.spec.replicas).toBe(3);
    const pod = deployment.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['web', 'app', 'db']);
    expect(pod.initContainers).toBeUndefined();
    expect(deployment.spec.template.metadata.annotations['kubectl.kubernetes.io/default-container']).toBe('web');
    expect(pod.volumes).toEqual([{ name: 'data', emptyDir: { sizeLimit: '256Mi' } }]);
    const byName = Object.fromEntries(pod.containers.map((c: any) => [c.name, c]));
    expect(byName.db.volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/db' }]);
    const env = (c: any) => Object.fromEntries(c.env.map((e: any) => [e.name, e.value]));
    expect(env(byName.web).APP_URL).toBe('http://127.0.0.1:9090');
    expect(env(byName.app).DB_URL).toBe('http://127.0.0.1:7000');
    // One localhost: every port number and every port name once in the pod, each probe on its own container's port.
    const ports = pod.containers.flatMap((c: any) => c.ports);
    expect(ports.map((p: any) => p.containerPort)).toEqual([8000, 9090, 7000]);
    expect(new Set(ports.map((p: any) => p.name)).size).toBe(3);
    for (const c of pod.containers)
      for (const probe of [c.readinessProbe, c.livenessProbe]) expect(c.ports.map((p: any) => p.name)).toContain(probe.httpGet.port);
    const service = find(all, 'Service', 'shop-all-in-one');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(byName.web.ports[0].name).toBe('http');
  });

  it('builds web, app (with its visits part) and db, and adds `npm run demo` to this project only', () => {
    const files = listFiles(dir);
    expect([...new Set(files.filter((f) => f.startsWith('containers/')).map((f) => f.split('/')[1]))].sort()).toEqual(['app', 'db', 'web']);
    for (const c of ['web', 'app', 'db']) {
      expect(files).toContain(`containers/${c}/Dockerfile`);
      expect(files).toContain(`containers/${c}/src/index.ts`);
    }
    expect(files.some((f) => f.startsWith('containers/app/src/parts/visits/'))).toBe(true);
    const pkg = readJson(join(dir, 'package.json'));
    // The demo builds the containers itself, so a signal reaches it straight from npm (scripts/demo.mjs says so).
    expect(pkg.scripts.demo).toBe('node scripts/demo.mjs');
    expect(files).toContain('scripts/demo.mjs');
    expect(statSync(join(dir, 'scripts/demo.mjs')).mode & 0o111).not.toBe(0);
    expect(files).toContain('scripts/lib/demo-text.mjs');
  });

  it('writes the demo its words in the chosen language, as a module of the catalog', async () => {
    const ko = await generate(['--lang', 'ko']);
    const { catalog } = await import('../src/i18n/catalog.js');
    for (const [project, lang] of [
      [dir, 'en'],
      [ko, 'ko'],
    ] as const) {
      const module = await import(join(project, 'scripts/lib/demo-text.mjs'));
      expect(module.text).toEqual(JSON.parse(JSON.stringify(catalog(lang).demo)));
    }
  });
});

describe('the manifests of both designs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await generate(['--namespace', 'shop-demo', '--replicas', '2']);
  });

  it('are valid against the Kubernetes schema (kubernetes-models validates each object)', () => {
    const models: Record<string, new (o: any) => { validate(): void }> = { Deployment, StatefulSet, Service, Namespace };
    let validated = 0;
    for (const folder of ['k8s', 'k8s-anti-pattern'])
      for (const { file: _, ...object } of objects(dir, folder)) {
        if (object.kind === 'Kustomization') continue;
        expect(models[object.kind], object.kind).toBeDefined();
        new models[object.kind]!(object).validate();
        validated++;
      }
    // namespace, StatefulSet + Service, 2 × (Deployment + Service); Deployment + Service.
    expect(validated).toBe(1 + 2 + 4 + 2);
  });

  it('put every object in --namespace; only k8s/ creates the namespace, so deleting the mistake never deletes it', () => {
    expect(readYaml(join(dir, 'k8s/kustomization.yaml'))[0]).toMatchObject({
      namespace: 'shop-demo',
      resources: ['namespace.yaml', 'db.yaml', 'app.yaml', 'web.yaml'],
    });
    expect(readYaml(join(dir, 'k8s-anti-pattern/kustomization.yaml'))[0]).toMatchObject({
      namespace: 'shop-demo',
      resources: ['deployment.yaml', 'service.yaml'],
    });
    for (const folder of ['k8s', 'k8s-anti-pattern'])
      for (const o of objects(dir, folder).filter((o) => !['Kustomization', 'Namespace'].includes(o.kind)))
        expect(o.metadata.namespace, `${folder}/${o.file}`).toBe('shop-demo');
  });

  it('meet the restricted Pod Security Standard, pod by pod (checked here field by field, not by the project lint)', () => {
    const pods = ['k8s', 'k8s-anti-pattern'].flatMap((folder) =>
      objects(dir, folder)
        .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
        .map((o) => ({ at: `${folder}/${o.file}`, pod: o.spec.template.spec })),
    );
    expect(pods).toHaveLength(4);
    for (const { at, pod } of pods) {
      expect(pod.hostNetwork ?? false, at).toBe(false);
      expect(pod.hostPID ?? false, at).toBe(false);
      expect(pod.hostIPC ?? false, at).toBe(false);
      for (const v of pod.volumes ?? [])
        expect(
          Object.keys(v).filter((k) => k !== 'name'),
          at,
        ).toEqual(['emptyDir']);
      expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        const sc = c.securityContext;
        expect(sc.allowPrivilegeEscalation, `${at} ${c.name}`).toBe(false);
        expect(sc.runAsNonRoot ?? pod.securityContext.runAsNonRoot).toBe(true);
        expect(sc.runAsUser ?? pod.securityContext.runAsUser).toBeGreaterThan(0);
        expect(sc.capabilities.drop).toEqual(['ALL']);
        expect(sc.capabilities.add).toBeUndefined();
        expect(sc.privileged ?? false).toBe(false);
        expect((sc.seccompProfile ?? pod.securityContext.seccompProfile).type).toBe('RuntimeDefault');
        expect((c.ports ?? []).some((p: any) => p.hostPort)).toBe(false);
      }
    }
  });

  it.skipIf(spawnSync(KUBECTL, ['version', '--client'], { stdio: 'ignore' }).status !== 0)(
    'render with kustomize (kubectl kustomize, offline): every object of each folder, nothing else',
    () => {
      const rendered = (folder: string) =>
        execFileSync(KUBECTL, ['kustomize', join(dir, folder)], { encoding: 'utf8' })
          .split(/^---$/m)
          .map((doc) => `${/^kind: (\w+)$/m.exec(doc)?.[1]}/${/^ {2}name: (\S+)$/m.exec(doc)?.[1]}`)
          .sort();
      expect(rendered('k8s')).toEqual(
        [
          'Namespace/shop-demo',
          'StatefulSet/shop-db',
          'Service/shop-db',
          'Deployment/shop-app',
          'Service/shop-app',
          'Deployment/shop-web',
          'Service/shop-web',
        ].sort(),
      );
      expect(rendered('k8s-anti-pattern')).toEqual(['Deployment/shop-all-in-one', 'Service/shop-all-in-one'].sort());
    },
  );
});

describe('lint on the two designs (the project lint, through the built CLI)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await generate([]);
  });

  it('finds nothing in the fix: exit 0', async () => {
    const result = await runCli(['lint', join(dir, 'k8s'), '--format', 'json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('fails the mistake with the pod-design finding and only it: three main services, the db holding data', async () => {
    const result = await runCli(['lint', join(dir, 'k8s-anti-pattern'), '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const { findings } = JSON.parse(result.stdout);
    expect(findings.map((f: any) => f.check)).toEqual(['multiple-main-services']);
    expect(findings[0].object).toBe('Deployment/shop-all-in-one');
    expect(findings[0].message).toContain(
      'web (port http (8000)), app (port app-http (8080)) and db (port db (7000), data in /var/lib/db)',
    );
    expect(findings[0].fix).toContain('run db as a StatefulSet');
  });

  it('fails both folders together with the pod-design finding first, and says it in Korean with --lang ko', async () => {
    const both = await runCli(['lint', join(dir, 'k8s'), join(dir, 'k8s-anti-pattern')]);
    expect(both.exitCode).toBe(1);
    expect(both.stdout.split('\n')[0]).toContain('[multiple-main-services]');
    const ko = await runCli(['lint', join(dir, 'k8s-anti-pattern'), '--lang', 'ko']);
    expect(ko.exitCode).toBe(1);
    expect(ko.stdout).toMatch(/\[multiple-main-services\].*[가-힣]/);
  });

  it("the issue's teacher example (myschool/shop-web, myschool/shop-api, mysql/mysql-server:8.0, a port each) gets the pod-design finding first", async () => {
    const teacher = join(import.meta.dirname, 'lint/manifests/teacher-shop.yaml');
    const result = await runCli(['lint', teacher, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const { findings } = JSON.parse(result.stdout);
    expect(findings[0].check).toBe('multiple-main-services');
    expect(findings.filter((f: any) => f.check === 'multiple-main-services')).toHaveLength(1);
  });
});

describe('the ports of the mistake are refused for the app, with the reason', () => {
  it.each([
    ['8000', 'web'],
    ['7000', 'db'],
  ])('--port %s: exit 2, nothing written, the %s container named, in the wrong design that shares one localhost', async (port, owner) => {
    const dir = join(workspace(), 'shop');
    const result = await runCli([dir, '--pattern', 'anti-pattern', '--port', port, '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`port ${port} is the ${owner} container's`);
    expect(result.stderr).toContain('k8s-anti-pattern/');
    expect(result.stderr).toContain("share one pod's localhost");
    expect(existsSync(dir)).toBe(false);
  });

  it('accepts any other port, and the wrong pod follows it', async () => {
    const dir = await generate(['--port', '8001'], false);
    const pod = readYaml(join(dir, 'k8s-anti-pattern/deployment.yaml'))[0].spec.template.spec;
    expect(pod.containers[1].ports[0].containerPort).toBe(8001);
    expect(readFileSync(join(dir, 'k8s-anti-pattern/deployment.yaml'), 'utf8')).toContain('http://127.0.0.1:8001');
  });

  it('takes the longest name the CLI accepts, and every name it makes of it fits (a StatefulSet in 52, its claim in 63)', async () => {
    const name = `s${'x'.repeat(44)}a`;
    const root = workspace();
    const result = await runCli([join(root, 'p'), '--pattern', 'anti-pattern', '--name', name, '--yes']);
    expect(result.exitCode, result.stderr).toBe(0);
    const [statefulSet] = readYaml(join(root, 'p/k8s/db.yaml'));
    expect(statefulSet.metadata.name.length).toBeLessThanOrEqual(52);
    expect(`${statefulSet.spec.volumeClaimTemplates[0].metadata.name}-${statefulSet.metadata.name}-0`.length).toBeLessThanOrEqual(63);
    const names = ['k8s', 'k8s-anti-pattern'].flatMap((f) =>
      listFiles(join(root, 'p', f)).flatMap((file) => readYaml(join(root, 'p', f, file))),
    );
    for (const o of names) if (o.metadata?.name) expect(o.metadata.name.length).toBeLessThanOrEqual(63);
    const tooLong = await runCli([join(root, 'q'), '--pattern', 'anti-pattern', '--name', `${name}b`, '--yes']);
    expect(tooLong.exitCode).toBe(2);
  });

  it('is a pattern of its own: combined with a helper it is refused, exit 2, nothing written', async () => {
    const dir = join(workspace(), 'shop');
    const result = await runCli([dir, '--pattern', 'anti-pattern,sidecar', '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--pattern anti-pattern is a project of its own');
    expect(existsSync(dir)).toBe(false);
  });
});
