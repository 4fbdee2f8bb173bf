// A folder with no deployment.yaml (the anti-pattern project's fix): a StatefulSet database with
// a claim template and a headless Service, then app and web. Started in the kustomization's
// order, stopped in reverse; the claim gets a folder that outlives the pod; deploy and undeploy
// take the folder to apply, roll out the StatefulSet, and play it on podman with its claim.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseTarget, planDeploy, planUndeploy, renderForPodman, whereToLook } from '../lib/deploy-plan.mjs';
import { claimDirsOf, devUrls, planDev, stopPhases } from '../lib/dev-plan.mjs';
import { folderArgument, readManifests } from '../lib/io.mjs';
import { imagesOf } from '../lib/manifests.mjs';
import { fill } from '../lib/text-fill.mjs';
import { shopFix, text } from './fixtures.mjs';

const names = (groups) => groups.map((group) => group.map((p) => p.name));
const byName = (processes) => Object.fromEntries(processes.map((p) => [p.name, p]));
const lines = (steps) =>
  steps.map((step) =>
    step.run ? step.run.join(' ') : step.write ? `write ${step.write}` : step.wait ? `wait ${step.podmanPods.join(' ')}` : `# ${step.note}`,
  );
const TMP = '/tmp/deploy';

describe('npm run dev on peers', () => {
  const volumeDirs = { 'shop-db/data': '/tmp/claims/data-shop-db-0' };

  it('starts the workloads in the kustomization order and stops them in reverse, the web first', () => {
    const processes = planDev(shopFix(), { volumeDirs });
    expect(processes.map((p) => [p.name, p.role, p.pod, p.script])).toEqual([
      ['db', 'peer', 'shop-db', 'containers/db/dist/index.cjs'],
      ['app', 'peer', 'shop-app', 'containers/app/dist/index.cjs'],
      ['web', 'peer', 'shop-web', 'containers/web/dist/index.cjs'],
    ]);
    expect(names(stopPhases(processes))).toEqual([['web'], ['app'], ['db']]);
  });

  it('gives each claim of the StatefulSet its folder, and rewrites the headless and the plain Service addresses', () => {
    expect(claimDirsOf(shopFix())).toEqual([{ key: 'shop-db/data', workload: 'shop-db', claim: 'data-shop-db-0' }]);
    const { db, app, web } = byName(planDev(shopFix({ namespace: 'shop' }), { volumeDirs }));
    expect(db.env).toEqual({ PORT: '7000', DATA_DIR: '/tmp/claims/data-shop-db-0' });
    expect(app.env).toEqual({ PORT: '8080', DB_URL: 'http://127.0.0.1:7000' });
    expect(web.env).toEqual({ PORT: '8000', APP_URL: 'http://127.0.0.1:8080' });
  });

  it('names a container by its workload when two workloads have one of that name', () => {
    const manifests = shopFix();
    manifests.objects[4].spec.template.spec.containers[0].name = 'app';
    expect(planDev(manifests, { volumeDirs }).map((p) => p.name)).toEqual(['db', 'shop-app/app', 'shop-web/app']);
  });

  it('prints the front (the last workload) as the URL to open', () => {
    expect(devUrls(shopFix())).toEqual(['http://127.0.0.1:8000/']);
  });
});

describe('npm run deploy / undeploy of a folder', () => {
  const withDir = (dir) => ({ ...shopFix({ namespace: 'shop' }), dir });

  it('applies the folder given and waits for the StatefulSet and the Deployments', () => {
    const steps = planDeploy(withDir('k8s-anti-pattern'), {
      text,
      where: chooseTarget({ text, context: 'kind-dev' }),
      engine: 'docker',
      tmpDir: TMP,
    });
    expect(lines(steps).filter((line) => line.startsWith('kubectl'))).toEqual([
      'kubectl cluster-info --context kind-dev --request-timeout=10s',
      'kubectl apply -k k8s-anti-pattern/ --context kind-dev',
      'kubectl rollout status statefulset/shop-db -n shop --timeout=180s --context kind-dev',
      'kubectl rollout status deployment/shop-app -n shop --timeout=180s --context kind-dev',
      'kubectl rollout status deployment/shop-web -n shop --timeout=180s --context kind-dev',
    ]);
    expect(imagesOf(withDir('k8s')).map(({ image }) => image)).toEqual(['local/demo-db:dev', 'local/demo-app:dev', 'local/demo-web:dev']);
    const undeploy = planUndeploy(withDir('k8s-anti-pattern'), { text, where: chooseTarget({ text, context: 'kind-dev' }), tmpDir: TMP });
    expect(lines(undeploy)).toEqual([
      'kubectl delete -k k8s-anti-pattern/ --ignore-not-found --context kind-dev',
      `# ${fill(text.plan.keptClaims, {
        claims: 'data-shop-db-0',
        howToDelete: '`kubectl delete pvc data-shop-db-0 -n shop --context kind-dev`',
      })}`,
    ]);
  });

  it('podman: the StatefulSet is a Pod of its name mounting its claim by name, with no claim object (a second play would fail on it)', () => {
    const documents = parseAllDocuments(renderForPodman(shopFix(), { text }).content).map((d) => d.toJS());
    expect(documents.map((d) => `${d.kind} ${d.metadata.name}`)).toEqual(['Pod shop-db', 'Pod shop-app', 'Pod shop-web']);
    const [db, app, web] = documents;
    expect(db.spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-shop-db-0' } }]);
    expect(db.spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/db' }]);
    // Service names become pod names on podman's network, with the pod's port.
    expect(app.spec.containers[0].env).toContainEqual({ name: 'DB_URL', value: 'http://shop-db:7000' });
    expect(web.spec.containers[0].env).toContainEqual({ name: 'APP_URL', value: 'http://shop-app:8080' });
  });

  it('podman: plays one file, waits for every pod; undeploy stops the web first, the database last', () => {
    const podman = chooseTarget({ text, override: 'podman' });
    const deploy = lines(planDeploy(withDir('k8s'), { text, where: podman, engine: 'podman', tmpDir: TMP }));
    expect(deploy.slice(-2)).toEqual([`podman kube play --replace ${TMP}/shop-web.kube.yaml`, 'wait shop-db shop-app shop-web']);
    expect(lines(planUndeploy(withDir('k8s'), { text, where: podman, tmpDir: TMP }))).toEqual([
      'podman pod stop --ignore -t 30 shop-web',
      'podman pod stop --ignore -t 30 shop-app',
      'podman pod stop --ignore -t 30 shop-db',
      `write ${TMP}/shop-web.kube.yaml`,
      `podman kube down ${TMP}/shop-web.kube.yaml`,
      `# ${fill(text.plan.keptClaims, { claims: 'data-shop-db-0', howToDelete: '`podman volume rm data-shop-db-0`' })}`,
    ]);
    expect(whereToLook(withDir('k8s'), podman)).toEqual([
      'podman pod ps',
      `podman exec shop-web-web node -e "fetch('http://127.0.0.1:8000/').then((r) => r.text()).then(console.log)"`,
      'podman logs -f shop-web-web',
    ]);
  });
});

describe('reading a folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'peer-workloads-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes the first argument that is not a flag as the folder, else k8s', () => {
    expect(folderArgument([])).toBe('k8s');
    expect(folderArgument(['--dry-run'])).toBe('k8s');
    expect(folderArgument(['--dry-run', 'k8s-anti-pattern/'])).toBe('k8s-anti-pattern');
  });

  it('has no workload without deployment.yaml, and keeps the kustomization order', () => {
    const dir = join(root, 'k8s');
    mkdirSync(dir);
    const [db, dbService, app, appService, web, webService] = shopFix().objects;
    writeFileSync(join(dir, 'db.yaml'), [db, dbService].map((o) => stringify(o)).join('---\n'));
    writeFileSync(join(dir, 'app.yaml'), [app, appService].map((o) => stringify(o)).join('---\n'));
    writeFileSync(join(dir, 'web.yaml'), [web, webService].map((o) => stringify(o)).join('---\n'));
    writeFileSync(join(dir, 'kustomization.yaml'), stringify({ namespace: 'shop', resources: ['db.yaml', 'app.yaml', 'web.yaml'] }));
    const manifests = readManifests(dir, text);
    expect(manifests.workload).toBeUndefined();
    expect(manifests.dir).toBe(dir);
    expect(manifests.objects.map((o) => `${o.kind} ${o.metadata.name} ${o.metadata.namespace}`)).toEqual([
      'StatefulSet shop-db shop',
      'Service shop-db shop',
      'Deployment shop-app shop',
      'Service shop-app shop',
      'Deployment shop-web shop',
      'Service shop-web shop',
    ]);
  });
});
