import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  chooseTarget,
  containerdName,
  planDeploy,
  planUndeploy,
  podmanPodsNotRunning,
  renderForPodman,
  whereToLook,
} from '../lib/deploy-plan.mjs';
import { chooseEngine } from '../lib/images-plan.mjs';
import { fill } from '../lib/text-fill.mjs';
import { ambassadorPattern, sidecarPattern, text } from './fixtures.mjs';

/** A plan as the lines --dry-run prints. */
const lines = (steps) =>
  steps.map((step) =>
    step.run ? step.run.join(' ') : step.write ? `write ${step.write}` : step.wait ? `wait ${step.podmanPods.join(' ')}` : `# ${step.note}`,
  );

const TMP = '/tmp/deploy';
const deploy = (manifests, { target, context, engine = 'docker', env = {} }) =>
  lines(planDeploy(manifests, { text, where: chooseTarget({ text, override: target, context }), engine, env, tmpDir: TMP }));

const buildSidecar = [
  'docker build -t local/demo-log-shipper:dev containers/log-shipper',
  'docker build -t local/demo-app:dev containers/app',
];

describe('chooseTarget', () => {
  it('maps the current kubectl context to its local cluster', () => {
    expect(chooseTarget({ text, context: 'kind-dev' })).toEqual({
      target: 'kind',
      cluster: 'dev',
      reason: fill(text.target.fromContext, { context: 'kind-dev' }),
    });
    expect(chooseTarget({ text, context: 'minikube' })).toMatchObject({ target: 'minikube', cluster: 'minikube' });
    expect(chooseTarget({ text, context: 'k3d-lab' })).toMatchObject({ target: 'k3d', cluster: 'lab' });
    expect(chooseTarget({ text, context: 'docker-desktop' })).toMatchObject({ target: 'docker-desktop', cluster: 'docker-desktop' });
  });

  it('falls back to the project default for an unknown context or none (no kubectl)', () => {
    expect(chooseTarget({ text, context: 'gke_prod_europe', defaultTarget: 'k3d' })).toEqual({
      target: 'k3d',
      cluster: 'k3s-default',
      reason: text.target.fromDefault,
    });
    expect(chooseTarget({ text, context: undefined, defaultTarget: 'podman' })).toEqual({
      target: 'podman',
      cluster: undefined,
      reason: text.target.fromDefault,
    });
    expect(chooseTarget({ text })).toMatchObject({ target: 'kind', cluster: 'kind' });
  });

  it('lets DEPLOY_TARGET override all, keeping the context cluster when it is of that target', () => {
    expect(chooseTarget({ text, override: 'podman', context: 'kind-dev', defaultTarget: 'kind' })).toMatchObject({
      target: 'podman',
      reason: 'DEPLOY_TARGET',
    });
    expect(chooseTarget({ text, override: 'kind', context: 'kind-dev' })).toMatchObject({ target: 'kind', cluster: 'dev' });
    expect(chooseTarget({ text, override: 'minikube', context: 'kind-dev' })).toMatchObject({ target: 'minikube', cluster: 'minikube' });
    expect(() => chooseTarget({ text, override: 'eks' })).toThrow(
      fill(text.target.unknown, { target: 'eks', targets: 'kind, minikube, k3d, docker-desktop, podman' }),
    );
  });
});

describe('planDeploy', () => {
  it('kind on docker: load each image, apply, wait for each rollout', () => {
    expect(deploy(sidecarPattern(), { context: 'kind-dev' })).toEqual([
      'kubectl cluster-info --context kind-dev --request-timeout=10s',
      ...buildSidecar,
      'kind load docker-image local/demo-log-shipper:dev --name dev',
      'kind load docker-image local/demo-app:dev --name dev',
      'kubectl apply -k k8s/ --context kind-dev',
      'kubectl rollout status deployment/demo --timeout=180s --context kind-dev',
    ]);
  });

  it('kind on podman: archives tagged as containerd names them, then image-archive', () => {
    const env = { KIND_EXPERIMENTAL_PROVIDER: 'podman' };
    const engine = chooseEngine({ text, env, target: 'kind' }, { dockerRuns: () => true, podmanInstalled: () => true });
    expect(deploy(ambassadorPattern({ namespace: 'shop' }), { context: 'kind-kind', engine, env })).toEqual([
      'kubectl cluster-info --context kind-kind --request-timeout=10s',
      'podman build -t local/demo-ambassador:dev containers/ambassador',
      'podman build -t local/demo-app:dev containers/app',
      'podman build -t local/demo-upstream:dev containers/upstream',
      'podman tag local/demo-ambassador:dev docker.io/local/demo-ambassador:dev',
      `podman save docker.io/local/demo-ambassador:dev -o ${TMP}/local_demo-ambassador_dev.tar`,
      'podman tag local/demo-app:dev docker.io/local/demo-app:dev',
      `podman save docker.io/local/demo-app:dev -o ${TMP}/local_demo-app_dev.tar`,
      'podman tag local/demo-upstream:dev docker.io/local/demo-upstream:dev',
      `podman save docker.io/local/demo-upstream:dev -o ${TMP}/local_demo-upstream_dev.tar`,
      `kind load image-archive ${TMP}/local_demo-ambassador_dev.tar --name kind`,
      `kind load image-archive ${TMP}/local_demo-app_dev.tar --name kind`,
      `kind load image-archive ${TMP}/local_demo-upstream_dev.tar --name kind`,
      'kubectl apply -k k8s/ --context kind-kind',
      'kubectl rollout status deployment/demo -n shop --timeout=180s --context kind-kind',
      'kubectl rollout status deployment/demo-upstream-primary -n shop --timeout=180s --context kind-kind',
      'kubectl rollout status deployment/demo-upstream-backup -n shop --timeout=180s --context kind-kind',
    ]);
  });

  it('minikube: image load into the profile of the context', () => {
    expect(deploy(sidecarPattern({ namespace: 'shop' }), { context: 'minikube' })).toEqual([
      'kubectl cluster-info --context minikube --request-timeout=10s',
      ...buildSidecar,
      'minikube image load local/demo-log-shipper:dev -p minikube',
      'minikube image load local/demo-app:dev -p minikube',
      'kubectl apply -k k8s/ --context minikube',
      'kubectl rollout status deployment/demo -n shop --timeout=180s --context minikube',
    ]);
  });

  it('k3d: one import of all images', () => {
    expect(deploy(sidecarPattern(), { context: 'k3d-lab' })).toEqual([
      'kubectl cluster-info --context k3d-lab --request-timeout=10s',
      ...buildSidecar,
      'k3d image import local/demo-log-shipper:dev local/demo-app:dev -c lab',
      'kubectl apply -k k8s/ --context k3d-lab',
      'kubectl rollout status deployment/demo --timeout=180s --context k3d-lab',
    ]);
  });

  it('docker-desktop: nothing to load', () => {
    expect(deploy(sidecarPattern({ namespace: 'shop' }), { target: 'docker-desktop' })).toEqual([
      'kubectl cluster-info --context docker-desktop --request-timeout=10s',
      ...buildSidecar,
      `# ${text.plan.dockerDesktopLoads}`,
      'kubectl apply -k k8s/ --context docker-desktop',
      'kubectl rollout status deployment/demo -n shop --timeout=180s --context docker-desktop',
    ]);
  });

  it('podman: no kubectl; one rendered file played, then wait for the pods', () => {
    const env = { BASE_IMAGE: 'localhost/node-base:bookworm', IMAGE_BUILD_FLAGS: '--isolation=chroot' };
    const build = '--isolation=chroot --build-arg BASE_IMAGE=localhost/node-base:bookworm';
    expect(deploy(sidecarPattern({ namespace: 'shop' }), { target: 'podman', engine: 'podman', env })).toEqual([
      `podman build ${build} -t local/demo-log-shipper:dev containers/log-shipper`,
      `podman build ${build} -t local/demo-app:dev containers/app`,
      `# ${fill(text.plan.leftOut, { objects: 'Namespace shop, Service demo' })}`,
      `# ${fill(text.plan.classicSidecars, { containers: 'demo/log-shipper' })}`,
      `# ${fill(text.plan.probesLeftOut, { pods: 'demo' })}`,
      `# ${fill(text.plan.portsLeftOut, { pods: 'demo' })}`,
      `write ${TMP}/demo.kube.yaml`,
      `podman kube play --replace ${TMP}/demo.kube.yaml`,
      'wait demo',
    ]);
  });

  it('podman: the ambassador pattern plays its demo upstreams too', () => {
    expect(deploy(ambassadorPattern(), { target: 'podman', engine: 'podman' })).toEqual([
      'podman build -t local/demo-ambassador:dev containers/ambassador',
      'podman build -t local/demo-app:dev containers/app',
      'podman build -t local/demo-upstream:dev containers/upstream',
      `# ${fill(text.plan.leftOut, { objects: 'Service demo, Service demo-upstream-primary, Service demo-upstream-backup' })}`,
      `# ${fill(text.plan.classicSidecars, { containers: 'demo/ambassador' })}`,
      `# ${fill(text.plan.probesLeftOut, { pods: 'demo' })}`,
      `# ${fill(text.plan.portsLeftOut, { pods: 'demo, demo-upstream-primary, demo-upstream-backup' })}`,
      `write ${TMP}/demo.kube.yaml`,
      `podman kube play --replace ${TMP}/demo.kube.yaml`,
      'wait demo demo-upstream-primary demo-upstream-backup',
    ]);
  });

  it('podman: says that replicas > 1 run as one pod', () => {
    expect(deploy(sidecarPattern({ mode: 'classic', replicas: 3 }), { target: 'podman', engine: 'podman' })).toEqual([
      'podman build -t local/demo-app:dev containers/app',
      'podman build -t local/demo-log-shipper:dev containers/log-shipper',
      `# ${fill(text.plan.leftOut, { objects: 'Service demo' })}`,
      `# ${fill(text.plan.onePodEach, { workloads: 'demo (replicas: 3)' })}`,
      `# ${fill(text.plan.probesLeftOut, { pods: 'demo' })}`,
      `# ${fill(text.plan.portsLeftOut, { pods: 'demo' })}`,
      `write ${TMP}/demo.kube.yaml`,
      `podman kube play --replace ${TMP}/demo.kube.yaml`,
      'wait demo',
    ]);
  });

  it('first checks that the cluster answers, and says how to start one', () => {
    const [check] = planDeploy(sidecarPattern(), { text, where: chooseTarget({ text }), engine: 'docker', tmpDir: TMP });
    expect(check.fix).toBe(
      fill(text.plan.noCluster, {
        target: 'kind',
        cluster: 'kind',
        howToStart: fill(text.plan.howToStart.kind, { cluster: 'kind' }),
        targets: 'kind|minikube|k3d|docker-desktop|podman',
      }),
    );
  });
});

describe('planUndeploy', () => {
  it('deletes k8s/ from the same cluster', () => {
    expect(lines(planUndeploy(sidecarPattern(), { text, where: chooseTarget({ text, context: 'kind-dev' }), tmpDir: TMP }))).toEqual([
      'kubectl delete -k k8s/ --ignore-not-found --context kind-dev',
    ]);
  });

  const podman = chooseTarget({ text, override: 'podman' });

  it('podman: stops each pod with its grace period (the app drains, the shipper flushes), then kube down', () => {
    expect(lines(planUndeploy(sidecarPattern(), { text, where: podman, tmpDir: TMP, present: ['other', 'demo'] }))).toEqual([
      'podman pod stop --ignore -t 30 demo',
      `write ${TMP}/demo.kube.yaml`,
      `podman kube down ${TMP}/demo.kube.yaml`,
    ]);
    const slow = sidecarPattern();
    slow.objects[0].spec.template.spec.terminationGracePeriodSeconds = 45;
    expect(lines(planUndeploy(slow, { text, where: podman, tmpDir: TMP })).slice(0, 1)).toEqual(['podman pod stop --ignore -t 45 demo']);
  });

  it('podman: the workload first, then its upstreams (30 s, as Kubernetes, when the manifest says nothing)', () => {
    expect(lines(planUndeploy(ambassadorPattern(), { text, where: podman, tmpDir: TMP }))).toEqual([
      'podman pod stop --ignore -t 30 demo',
      'podman pod stop --ignore -t 30 demo-upstream-primary',
      'podman pod stop --ignore -t 30 demo-upstream-backup',
      `write ${TMP}/demo.kube.yaml`,
      `podman kube down ${TMP}/demo.kube.yaml`,
    ]);
  });

  it('podman: kube down gets the same file that was played', () => {
    const undeploy = planUndeploy(ambassadorPattern(), { text, where: podman, tmpDir: TMP });
    const play = planDeploy(ambassadorPattern(), { text, where: podman, engine: 'podman', tmpDir: TMP });
    expect(undeploy.find((s) => s.write).content).toBe(play.find((s) => s.write).content);
  });

  it('podman: only the pods that exist; nothing to do when none does', () => {
    const steps = planUndeploy(ambassadorPattern(), { text, where: podman, tmpDir: TMP, present: ['demo-upstream-backup', 'demo'] });
    expect(lines(steps)).toEqual([
      `# ${fill(text.plan.noPod, { name: 'demo-upstream-primary' })}`,
      'podman pod stop --ignore -t 30 demo',
      'podman pod stop --ignore -t 30 demo-upstream-backup',
      `write ${TMP}/demo.kube.yaml`,
      `podman kube down ${TMP}/demo.kube.yaml`,
    ]);
    const downed = parseAllDocuments(steps.find((s) => s.write).content).map((d) => d.toJS());
    expect(downed.map((pod) => pod.metadata.name)).toEqual(['demo', 'demo-upstream-backup']);
    expect(lines(planUndeploy(ambassadorPattern(), { text, where: podman, tmpDir: TMP, present: [] }))).toEqual([
      `# ${fill(text.plan.nothingToRemove, { names: 'demo, demo-upstream-primary, demo-upstream-backup' })}`,
    ]);
  });
});

describe('renderForPodman', () => {
  const render = (manifests) => parseAllDocuments(renderForPodman(manifests, { text }).content).map((d) => d.toJS());

  it('turns Deployments into Pods of the same name, with native sidecars as classic ones', () => {
    const [pod, ...rest] = render(sidecarPattern({ namespace: 'shop' }));
    expect(rest).toEqual([]);
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata).toEqual({ name: 'demo', namespace: 'shop', labels: { app: 'demo' } });
    expect(pod.spec.initContainers).toBeUndefined();
    expect(pod.spec.containers.map((c) => [c.name, c.restartPolicy])).toEqual([
      ['log-shipper', undefined],
      ['app', undefined],
    ]);
  });

  it('leaves out probes and ports, and names each emptyDir after its pod; k8s/ stays as it was', () => {
    const manifests = sidecarPattern({ mode: 'classic' });
    const before = structuredClone(manifests);
    const mounts = [{ name: 'demo-app-logs', mountPath: '/var/log/app' }];
    expect(render(manifests)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'demo', labels: { app: 'demo' }, annotations: { 'kubectl.kubernetes.io/default-container': 'app' } },
        spec: {
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'app',
              image: 'local/demo-app:dev',
              env: [
                { name: 'PORT', value: '8080' },
                { name: 'ACCESS_LOG', value: '/var/log/app/access.log' },
              ],
              volumeMounts: mounts,
            },
            {
              name: 'log-shipper',
              image: 'local/demo-log-shipper:dev',
              env: [
                { name: 'LOG_FILE', value: '/var/log/app/access.log' },
                { name: 'OFFSET_FILE', value: '/var/log/app/.log-shipper.offset' },
                { name: 'POLL_INTERVAL_MS', value: '200' },
              ],
              volumeMounts: mounts,
            },
          ],
          volumes: [{ name: 'demo-app-logs', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    ]);
    expect(manifests).toEqual(before);
  });

  it('renames only emptyDirs, in init containers too', () => {
    const manifests = sidecarPattern({ mode: 'classic' });
    const spec = manifests.objects[0].spec.template.spec;
    spec.volumes.push({ name: 'settings', configMap: { name: 'demo-settings' } });
    spec.initContainers = [
      {
        name: 'prepare',
        image: 'local/demo-app:dev',
        volumeMounts: [
          { name: 'app-logs', mountPath: '/logs' },
          { name: 'settings', mountPath: '/etc/demo' },
        ],
      },
    ];
    const [pod] = render(manifests);
    expect(pod.spec.volumes.map((v) => v.name)).toEqual(['demo-app-logs', 'settings']);
    expect(pod.spec.initContainers[0].volumeMounts.map((m) => m.name)).toEqual(['demo-app-logs', 'settings']);
  });

  it("drops the ambassador's startup probe and its loopback-only port, which podman would publish", () => {
    const [pod] = render(ambassadorPattern());
    const ambassador = pod.spec.containers.find((c) => c.name === 'ambassador');
    expect(Object.keys(ambassador).sort()).toEqual(['env', 'image', 'name']);
  });

  it('points Service addresses at the pods, whose names podman resolves', () => {
    const pods = render(
      ambassadorPattern({ namespace: 'shop', upstreams: 'demo-upstream-primary.shop.svc:9081,demo-upstream-backup:9082' }),
    );
    expect(pods.map((p) => p.metadata.name)).toEqual(['demo', 'demo-upstream-primary', 'demo-upstream-backup']);
    const ambassador = pods[0].spec.containers.find((c) => c.name === 'ambassador');
    expect(ambassador.env).toContainEqual({ name: 'UPSTREAMS', value: 'demo-upstream-primary:9081,demo-upstream-backup:9082' });
  });
});

describe('whereToLook', () => {
  it('podman: the pod, a GET from inside the app container (nothing is published), and each log', () => {
    expect(whereToLook(ambassadorPattern(), chooseTarget({ text, override: 'podman' }))).toEqual([
      'podman pod ps',
      `podman exec demo-app node -e "fetch('http://127.0.0.1:8080/').then((r) => r.text()).then(console.log)"`,
      'podman logs -f demo-ambassador',
      'podman logs -f demo-app',
    ]);
  });
});

describe('helpers', () => {
  it('containerdName fully qualifies as containerd does', () => {
    expect(containerdName('local/demo-app:dev')).toBe('docker.io/local/demo-app:dev');
    expect(containerdName('demo-app:dev')).toBe('docker.io/library/demo-app:dev');
    expect(containerdName('registry.local:5000/demo-app:dev')).toBe('registry.local:5000/demo-app:dev');
    expect(containerdName('localhost/demo-app:dev')).toBe('localhost/demo-app:dev');
  });

  it('podmanPodsNotRunning names the pods still to wait for', () => {
    const pods = [
      { Name: 'demo', Status: 'Running' },
      { Name: 'demo-upstream-primary', Status: 'Degraded' },
    ];
    expect(podmanPodsNotRunning(pods, ['demo', 'demo-upstream-primary', 'demo-upstream-backup'])).toEqual([
      'demo-upstream-primary',
      'demo-upstream-backup',
    ]);
  });
});
