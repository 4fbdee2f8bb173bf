// What a pod of each design gets when the demo plays it locally: its own block of ports, env
// rewritten to them, Service addresses pointing at the Services' proxies, volumes as folders.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { antiPatternFiles, fakeShopProject, fixFiles, importLib, manifestsOf } from './shop.mjs';

const root = await fakeShopProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const { localEnv, podPorts, servicePlans, serviceOfContainer, workloadPlans, workloadsWith } = await importLib(root, 'demo-plan.mjs');
const { serviceAddresses } = await importLib(root, 'manifests.mjs');

const anti = manifestsOf(antiPatternFiles(), 'k8s-anti-pattern');
const fix = manifestsOf(fixFiles(), 'k8s');

describe('workloads as the demo runs them', () => {
  it('reads each pod template with its probes resolved to container ports, and replicas overridden by name', () => {
    const [pod] = workloadPlans(anti, { replicas: { 'shop-all-in-one': 3 } });
    expect(pod).toMatchObject({ name: 'shop-all-in-one', kind: 'Deployment', replicas: 3, emptyDirs: ['data'], claims: [] });
    expect(pod.containers.map((c) => [c.name, c.script, c.readiness])).toEqual([
      ['web', 'containers/web/dist/index.cjs', { containerPort: 8000, path: '/readyz', failureThreshold: 3, timeoutMs: 1000 }],
      ['app', 'containers/app/dist/index.cjs', { containerPort: 8080, path: '/readyz', failureThreshold: 3, timeoutMs: 1000 }],
      ['db', 'containers/db/dist/index.cjs', { containerPort: 7000, path: '/readyz', failureThreshold: 3, timeoutMs: 1000 }],
    ]);
    expect(podPorts(pod)).toEqual([8000, 8080, 7000]);
    const fixPlans = workloadPlans(fix, { replicas: { 'shop-app': 3, 'shop-web': 3 } });
    expect(fixPlans.map((w) => [w.name, w.kind, w.replicas, w.claims])).toEqual([
      ['shop-db', 'StatefulSet', 1, ['data']],
      ['shop-app', 'Deployment', 3, []],
      ['shop-web', 'Deployment', 3, []],
    ]);
    expect(workloadsWith(fixPlans, 'db')).toEqual(['shop-db']);
  });

  it('finds the front Service (the one whose pods hold the web) and a proxy for each Service port', () => {
    expect(serviceOfContainer(anti, 'web')).toBe('shop-all-in-one');
    expect(serviceOfContainer(fix, 'web')).toBe('shop-web');
    expect(servicePlans(fix)).toEqual([
      { key: 'shop-db:7000', service: 'shop-db', port: 7000, workload: 'shop-db', targetPort: 7000 },
      { key: 'shop-app:80', service: 'shop-app', port: 80, workload: 'shop-app', targetPort: 8080 },
      { key: 'shop-web:80', service: 'shop-web', port: 80, workload: 'shop-web', targetPort: 8000 },
    ]);
  });
});

describe('env of a pod with its own block of ports', () => {
  const [antiPod] = workloadPlans(anti);
  const portMap = new Map([
    [8000, 41000],
    [8080, 41001],
    [7000, 41002],
  ]);
  const envOf = (manifests, plan, name, servicePorts = {}) =>
    localEnv(
      plan.containers.find((c) => c.name === name),
      { portMap, volumeDirs: { data: '/tmp/pod-1-data' }, servicePorts, addresses: serviceAddresses(manifests) },
    );

  it('in the wrong design: each PORT and each 127.0.0.1:<port> of the pod follows the block; the db writes into the pod folder', () => {
    expect(envOf(anti, antiPod, 'web')).toMatchObject({ PORT: '41000', APP_URL: 'http://127.0.0.1:41001', SHUTDOWN_DRAIN_MS: '200' });
    expect(envOf(anti, antiPod, 'app')).toMatchObject({ PORT: '41001', DB_URL: 'http://127.0.0.1:41002', DB_TIMEOUT_MS: '1000' });
    expect(envOf(anti, antiPod, 'db')).toMatchObject({ PORT: '41002', DATA_DIR: '/tmp/pod-1-data' });
  });

  it('in the fix: Service addresses become their proxies, the headless one too', () => {
    const [db, app, web] = workloadPlans(fix);
    const servicePorts = { 'shop-db:7000': 42000, 'shop-app:80': 42001, 'shop-web:80': 42002 };
    expect(envOf(fix, app, 'app', servicePorts)).toMatchObject({ PORT: '41001', DB_URL: 'http://127.0.0.1:42000' });
    expect(envOf(fix, web, 'web', servicePorts)).toMatchObject({ PORT: '41000', APP_URL: 'http://127.0.0.1:42001' });
    expect(envOf(fix, db, 'db', servicePorts)).toMatchObject({ PORT: '41002', DATA_DIR: '/tmp/pod-1-data' });
  });

  it('leaves numbers that are not a *PORT variable, ports the pod does not have, and other hosts alone', () => {
    const container = {
      name: 'x',
      mounts: [],
      env: [
        { name: 'SHUTDOWN_DRAIN_MS', value: '8000' },
        { name: 'OTHER_PORT', value: '9999' },
        { name: 'URL', value: 'http://127.0.0.1:9999/x' },
        { name: 'REMOTE', value: 'http://10.0.0.1:8000/' },
        { name: 'SUPPORT', value: 'http://shop-app:8080/' },
      ],
    };
    expect(
      localEnv(container, { portMap, volumeDirs: {}, servicePorts: { 'shop-app:80': 42001 }, addresses: serviceAddresses(fix) }),
    ).toEqual({
      SHUTDOWN_DRAIN_MS: '8000',
      OTHER_PORT: '9999',
      URL: 'http://127.0.0.1:9999/x',
      REMOTE: 'http://10.0.0.1:8000/',
      SUPPORT: 'http://shop-app:8080/',
    });
  });
});
