// The plans of `npm run deploy` and `npm run undeploy`: which local cluster, and the commands
// that get the images into it and apply k8s/. Pure; scripts/deploy.mjs carries them out.
import { stringify } from 'yaml';
import { imageBuildSteps } from './images-plan.mjs';
import {
  claimsOf,
  frontOf,
  imagesOf,
  isNativeSidecar,
  namespaceOf,
  podContainers,
  rewriteAddresses,
  serviceAddresses,
  servicesOf,
  workloadsOf,
} from './manifests.mjs';

export const TARGETS = ['kind', 'minikube', 'k3d', 'docker-desktop', 'podman'];

/** Cluster names each tool uses when none is given. */
const DEFAULT_CLUSTER = { kind: 'kind', minikube: 'minikube', k3d: 'k3s-default', 'docker-desktop': 'docker-desktop' };

/** The local cluster a kubectl context belongs to, when it is one of the targets. */
export function clusterOfContext(context = '') {
  if (context.startsWith('kind-')) return { target: 'kind', cluster: context.slice('kind-'.length) };
  if (context.startsWith('k3d-')) return { target: 'k3d', cluster: context.slice('k3d-'.length) };
  if (context === 'minikube' || context === 'docker-desktop') return { target: context, cluster: context };
  return undefined;
}

/** DEPLOY_TARGET, else the current kubectl context's cluster, else the project's default target. */
export function chooseTarget({ override, context, defaultTarget = 'kind' }) {
  const current = clusterOfContext(context);
  const target = override || current?.target || defaultTarget;
  if (!TARGETS.includes(target)) throw new Error(`unknown target "${target}": use one of ${TARGETS.join(', ')}`);
  const cluster = current?.target === target ? current.cluster : DEFAULT_CLUSTER[target];
  const reason = override ? 'DEPLOY_TARGET' : current ? `kubectl context ${context}` : 'the project default';
  return { target, cluster, reason };
}

export const describeTarget = ({ target, cluster, reason }) => `${target}${cluster ? ` cluster "${cluster}"` : ''} (from ${reason})`;

/** The kubectl context of a target's cluster; named on every kubectl command so no other cluster is touched. */
const kubeContext = ({ target, cluster }) => ({ kind: `kind-${cluster}`, k3d: `k3d-${cluster}` })[target] ?? cluster;

const HOW_TO_START = {
  kind: (cluster) => `start one with \`kind create cluster --name ${cluster}\``,
  minikube: (cluster) => `start one with \`minikube start -p ${cluster}\``,
  k3d: (cluster) => `start one with \`k3d cluster create ${cluster}\``,
  'docker-desktop': () => 'enable Kubernetes in the Docker Desktop settings',
};

const noCluster = ({ target, cluster }) =>
  `no ${target} cluster "${cluster}" answered: ${HOW_TO_START[target](cluster)}, or pass DEPLOY_TARGET=<${TARGETS.join('|')}>`;

/** The folder the manifests were read from, as kubectl -k takes it. */
const folderOf = (manifests) => `${manifests.dir ?? 'k8s'}/`;

/**
 * Steps of `npm run deploy`. `where` is chooseTarget()'s answer, `engine` the image builder,
 * `tmpDir` a folder for image archives and the file podman plays.
 */
export function planDeploy(manifests, { where, engine, env = {}, tmpDir }) {
  const build = imageBuildSteps(manifests, { engine, env });
  if (where.target === 'podman') {
    const file = playFile(manifests, tmpDir);
    return [
      ...build,
      ...renderSteps(manifests, file),
      { run: ['podman', 'kube', 'play', '--replace', file], fix: 'see the podman output above; `podman pod ps` lists what runs' },
      {
        wait: `pods of ${workloadNames(manifests).join(', ')} running`,
        podmanPods: workloadNames(manifests),
        fix: 'see `podman pod ps` and `podman ps -a --pod`, and the logs: `podman logs <container>`',
      },
    ];
  }
  const context = kubeContext(where);
  const namespace = namespaceArgs(manifests);
  return [
    // Before a long build: is the cluster there?
    { run: ['kubectl', 'cluster-info', '--context', context, '--request-timeout=10s'], fix: noCluster(where) },
    ...build,
    ...loadSteps(manifests, { where, engine, tmpDir }),
    { run: ['kubectl', 'apply', '-k', folderOf(manifests), '--context', context], fix: 'see the kubectl output above' },
    ...workloadsOf(manifests).map(({ kind, metadata: { name } }) => ({
      run: ['kubectl', 'rollout', 'status', `${kind.toLowerCase()}/${name}`, ...namespace, '--timeout=180s', '--context', context],
      fix: `the pods did not become ready: \`kubectl get pods ${namespace.join(' ')} --context ${context}\`, then \`kubectl describe\` and \`kubectl logs\` the failing one`,
    })),
  ];
}

/**
 * Steps of `npm run undeploy`. For podman, `present` names the pods that exist (all of them when
 * not given): each is stopped gracefully first, as `podman kube down` kills without SIGTERM and
 * podman ignores terminationGracePeriodSeconds; then `kube down` removes them and their volumes.
 */
export function planUndeploy(manifests, { where, tmpDir, present }) {
  if (where.target === 'podman') {
    // The workload first (peers: in reverse start order, the web first), so each pod drains
    // while the pods it calls still answer.
    const inStopOrder = manifests.workload ? workloadsOf(manifests) : workloadsOf(manifests).reverse();
    const pods = inStopOrder.filter((d) => !present || present.includes(d.metadata.name));
    if (pods.length === 0) return [{ note: `nothing to remove: no pod of ${workloadNames(manifests).join(', ')} exists` }];
    const file = playFile(manifests, tmpDir);
    const missing = workloadNames(manifests).filter((name) => !pods.some((d) => d.metadata.name === name));
    return [
      ...missing.map((name) => ({ note: `no pod ${name}: nothing to remove for it` })),
      ...pods.map((d) => ({
        run: ['podman', 'pod', 'stop', '--ignore', '-t', String(gracePeriod(d)), d.metadata.name],
        fix: '`podman pod ps` lists what runs',
      })),
      ...renderSteps(manifests, file, { only: pods.map((d) => d.metadata.name), notes: false }),
      { run: ['podman', 'kube', 'down', file], fix: '`podman pod ps` lists what runs; `podman pod rm -f <pod>` removes one' },
      ...keptClaims(pods, (claims) => `\`podman volume rm ${claims.join(' ')}\``),
    ];
  }
  const namespace = namespaceArgs(manifests).join(' ');
  return [
    { run: ['kubectl', 'delete', '-k', folderOf(manifests), '--ignore-not-found', '--context', kubeContext(where)], fix: noCluster(where) },
    ...keptClaims(
      workloadsOf(manifests),
      (claims) => `\`kubectl delete pvc ${claims.join(' ')}${namespace ? ` ${namespace}` : ''} --context ${kubeContext(where)}\``,
    ),
  ];
}

/**
 * A StatefulSet's claims outlive it (Kubernetes keeps them, and podman keeps the volumes it made
 * of them): the data is there for the next deploy. Says so, and how to delete them.
 */
function keptClaims(workloads, howToDelete) {
  const claims = workloads.flatMap((workload) => claimsOf(workload).map(({ claim }) => claim));
  if (claims.length === 0) return [];
  return [
    {
      note: `kept, as a StatefulSet's claims outlive it: ${claims.join(', ')} (the data of the next deploy); delete with ${howToDelete(claims)}`,
    },
  ];
}

/** Seconds a pod gets to stop, as Kubernetes gives it (30 when the manifest says nothing). */
const gracePeriod = (deployment) => deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30;

/** Commands to see the deployed pattern at work. */
export function whereToLook(manifests, where) {
  const front = frontOf(manifests);
  const name = front.metadata.name;
  if (where.target === 'podman') {
    const pod = podContainers(front);
    const containers = pod.map(({ container }) => container.name);
    const main = pod.find(({ role }) => role === 'main')?.container;
    const port = main?.ports?.[0]?.containerPort;
    // No port is published on the host (see renderForPodman): ask from inside the pod.
    const get = port
      ? [`podman exec ${name}-${main.name} node -e "fetch('http://127.0.0.1:${port}/').then((r) => r.text()).then(console.log)"`]
      : [];
    return ['podman pod ps', ...get, ...containers.map((container) => `podman logs -f ${name}-${container}`)];
  }
  const flags = [...namespaceArgs(manifests), '--context', kubeContext(where)].join(' ');
  const service = servicesOf(manifests).find((s) => s.metadata.name === name);
  return [
    `kubectl get pods ${flags}`,
    `kubectl logs ${front.kind.toLowerCase()}/${name} --all-containers -f ${flags}`,
    ...(service ? [`kubectl port-forward service/${name} 8080:${service.spec.ports[0].port} ${flags}  # then http://127.0.0.1:8080/`] : []),
  ];
}

const workloadNames = (manifests) => workloadsOf(manifests).map((d) => d.metadata.name);

function namespaceArgs(manifests) {
  const namespace = namespaceOf(workloadsOf(manifests)[0]);
  return namespace ? ['-n', namespace] : [];
}

/**
 * Getting images into the cluster. Docker Desktop's cluster sees docker's images as they are.
 * From podman the images go through an archive, tagged with the name the cluster's containerd
 * looks for: podman would save `local/x:dev` as `localhost/local/x:dev`, which no pod asks for.
 */
function loadSteps(manifests, { where: { target, cluster }, engine, tmpDir }) {
  if (target === 'docker-desktop') return [{ note: "Docker Desktop's cluster runs the images docker built: nothing to load" }];
  const fix = noCluster({ target, cluster });
  const load = (refs, fromArchive) =>
    ({
      kind: refs.map((ref) => ['kind', 'load', fromArchive ? 'image-archive' : 'docker-image', ref, '--name', cluster]),
      minikube: refs.map((ref) => ['minikube', 'image', 'load', ref, '-p', cluster]),
      k3d: [['k3d', 'image', 'import', ...refs, '-c', cluster]],
    })[target].map((run) => ({ run, fix }));
  const images = imagesOf(manifests).map(({ image }) => image);
  if (engine !== 'podman') return load(images, false);
  const archives = images.map((image) => ({ image, name: containerdName(image), tar: `${tmpDir}/${image.replace(/[^\w.-]+/g, '_')}.tar` }));
  return [
    ...archives.flatMap(({ image, name, tar }) => [{ run: ['podman', 'tag', image, name] }, { run: ['podman', 'save', name, '-o', tar] }]),
    ...load(
      archives.map(({ tar }) => tar),
      true,
    ),
  ];
}

/** `local/x:dev` -> `docker.io/local/x:dev`, `x:dev` -> `docker.io/library/x:dev`, as containerd reads them. */
export function containerdName(image) {
  const [first, ...rest] = image.split('/');
  if (rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) return image;
  return rest.length > 0 ? `docker.io/${image}` : `docker.io/library/${image}`;
}

const playFile = (manifests, tmpDir) => `${tmpDir}/${manifests.workload ?? frontOf(manifests).metadata.name}.kube.yaml`;

function renderSteps(manifests, file, { only, notes: withNotes = true } = {}) {
  const { content, notes } = renderForPodman(manifests, { only });
  return [...(withNotes ? notes.map((note) => ({ note })) : []), { write: file, content }];
}

/** The kinds `podman kube play` runs (Deployments and StatefulSets are turned into Pods). */
const PODMAN_KINDS = ['Deployment', 'StatefulSet', 'Pod', 'ConfigMap', 'Secret', 'PersistentVolumeClaim'];

/**
 * k8s/ as one multi-document file for `podman kube play`. Podman runs no Services, but resolves
 * pod names on its network: each Deployment becomes a Pod of the same name, and Service addresses
 * in env point at it. What podman 4.3 would get wrong is changed in this copy only, never in k8s/:
 * - native sidecars become classic ones, since podman would never start the containers after one;
 * - probes are left out: podman turns an httpGet probe into a `curl` healthcheck (a named port as
 *   port 0) that images without curl always fail, and restarts the container over it;
 * - `ports` are left out: podman publishes every containerPort on the host's 0.0.0.0, loopback-only
 *   ones too, so two projects (or two replicas) collide; pods still reach each other by pod name;
 * - each emptyDir is named `<pod>-<volume>`: podman makes it a volume of that name, shared by
 *   every pod on the machine that uses the name;
 * - a Deployment runs as one pod whatever its replicas;
 * - a StatefulSet runs as one pod of its name, each claim template mounted as the claim Kubernetes
 *   would make (`<template>-<statefulset>-0`). No PersistentVolumeClaim object goes in: podman
 *   makes a named volume of the claim on the first play, `kube down` keeps it, and the next play
 *   finds it, as a claim outlives its pod; a listed claim would fail the next play ("volume
 *   already exists").
 * `only` limits the file to the pods of those workloads.
 */
export function renderForPodman(manifests, { only } = {}) {
  const notes = [];
  const left = manifests.objects.filter((o) => !PODMAN_KINDS.includes(o.kind));
  if (left.length > 0) {
    const names = left.map((o) => `${o.kind} ${o.metadata.name}`).join(', ');
    notes.push(
      `left out, podman runs none: ${names}; each Deployment runs as a Pod of its name, and env addresses of Services name that Pod`,
    );
  }
  const replicated = workloadsOf(manifests).filter((d) => (d.spec.replicas ?? 1) > 1);
  if (replicated.length > 0) {
    const names = replicated.map((d) => `${d.metadata.name} (replicas: ${d.spec.replicas})`).join(', ');
    notes.push(`one pod each, as podman has no replicas: ${names}`);
  }
  const addresses = serviceAddresses(manifests);
  const dropped = { probes: new Set(), ports: new Set() };
  const objects = manifests.objects
    .filter((o) => PODMAN_KINDS.includes(o.kind))
    .filter((o) => !only || !['Deployment', 'StatefulSet'].includes(o.kind) || only.includes(o.metadata.name))
    .map((o) => (['Deployment', 'StatefulSet'].includes(o.kind) ? podOf(o) : o))
    .map((o) => (o.kind === 'Pod' ? podForPodman(o, { addresses, notes, dropped }) : o));
  if (dropped.probes.size > 0) {
    notes.push(
      `probes left out in ${[...dropped.probes].join(', ')}: podman would run them as curl healthchecks the images cannot run, and restart the containers`,
    );
  }
  if (dropped.ports.size > 0) {
    notes.push(
      `ports left out in ${[...dropped.ports].join(', ')}: podman would publish every containerPort on the host's 0.0.0.0; pods reach each other by name, and \`podman exec\` reaches a pod from inside`,
    );
  }
  return { content: objects.map((o) => stringify(o, { aliasDuplicateObjects: false })).join('---\n'), notes };
}

/** The pod of a workload; a StatefulSet's mounts its claims as Kubernetes does. */
const podOf = (workload) => {
  const claims = claimsOf(workload).map(({ volume, claim }) => ({ name: volume, persistentVolumeClaim: { claimName: claim } }));
  const spec = workload.spec.template.spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...workload.metadata, ...workload.spec.template.metadata },
    spec: claims.length > 0 ? { ...spec, volumes: [...(spec.volumes ?? []), ...claims] } : spec,
  };
};

/** The pod as podman should play it; `dropped` collects the pods that lost probes or ports. */
function podForPodman(object, { addresses, notes, dropped }) {
  const pod = structuredClone(object);
  const name = pod.metadata.name;
  const sidecars = (pod.spec.initContainers ?? []).filter(isNativeSidecar);
  if (sidecars.length > 0) {
    notes.push(
      `run as classic sidecars, as podman 4 starts nothing after a native one: ${sidecars.map((c) => `${name}/${c.name}`).join(', ')}`,
    );
    pod.spec.initContainers = pod.spec.initContainers.filter((c) => !isNativeSidecar(c));
    if (pod.spec.initContainers.length === 0) delete pod.spec.initContainers;
    pod.spec.containers = [...sidecars.map(({ restartPolicy, ...container }) => container), ...pod.spec.containers];
  }
  const volumeName = podmanVolumeNames(pod);
  for (const container of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (container[probe]) dropped.probes.add(name);
      delete container[probe];
    }
    if (container.ports) dropped.ports.add(name);
    delete container.ports;
    for (const mount of container.volumeMounts ?? []) mount.name = volumeName.get(mount.name) ?? mount.name;
    for (const variable of container.env ?? []) {
      if (variable.value !== undefined) variable.value = rewriteAddresses(variable.value, addresses, onPodmanNetwork);
    }
  }
  for (const volume of pod.spec.volumes ?? []) volume.name = volumeName.get(volume.name) ?? volume.name;
  return pod;
}

/** emptyDir name -> `<pod>-<name>`, the name of the podman volume it becomes (unique to the pod). */
function podmanVolumeNames(pod) {
  const emptyDirs = (pod.spec.volumes ?? []).filter((volume) => volume.emptyDir);
  return new Map(emptyDirs.map(({ name }) => [name, `${pod.metadata.name}-${name}`]));
}

const onPodmanNetwork = ({ target, targetPort }) => `${target}:${targetPort}`;

/** The pods (named as the workloads) not running yet, from `podman pod ps --format json`. */
export function podmanPodsNotRunning(podList, names) {
  return names.filter((name) => !podList.some((pod) => pod.Name === name && pod.Status === 'Running'));
}
