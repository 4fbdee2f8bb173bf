// The plans of `npm run deploy` and `npm run undeploy`: which local cluster, and the commands
// that get the images into it and apply k8s/. Pure; scripts/deploy.mjs carries them out. Every
// note and fix is in the words of `text` (lib/text.mjs, the project's language, handed in).
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
import { fill } from './text-fill.mjs';

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
export function chooseTarget({ override, context, defaultTarget = 'kind', text }) {
  const current = clusterOfContext(context);
  const target = override || current?.target || defaultTarget;
  if (!TARGETS.includes(target)) throw new Error(fill(text.target.unknown, { target, targets: TARGETS.join(', ') }));
  const cluster = current?.target === target ? current.cluster : DEFAULT_CLUSTER[target];
  const reason = override ? 'DEPLOY_TARGET' : current ? fill(text.target.fromContext, { context }) : text.target.fromDefault;
  return { target, cluster, reason };
}

export const describeTarget = ({ target, cluster, reason }, text) =>
  fill(cluster ? text.target.withCluster : text.target.withoutCluster, { target, cluster, reason });

/** The kubectl context of a target's cluster; named on every kubectl command so no other cluster is touched. */
const kubeContext = ({ target, cluster }) => ({ kind: `kind-${cluster}`, k3d: `k3d-${cluster}` })[target] ?? cluster;

/** What to do when the target's cluster does not answer: start it (text.plan.howToStart says how, per target). */
const noCluster = ({ target, cluster }, text) =>
  fill(text.plan.noCluster, {
    target,
    cluster,
    howToStart: fill(text.plan.howToStart[target], { cluster }),
    targets: TARGETS.join('|'),
  });

/** The folder the manifests were read from, as kubectl -k takes it. */
const folderOf = (manifests) => `${manifests.dir ?? 'k8s'}/`;

/**
 * Steps of `npm run deploy`. `where` is chooseTarget()'s answer, `engine` the image builder,
 * `tmpDir` a folder for image archives and the file podman plays, `text` lib/text.mjs.
 */
export function planDeploy(manifests, { where, engine, env = {}, tmpDir, text }) {
  const build = imageBuildSteps(manifests, { engine, env, text });
  if (where.target === 'podman') {
    const file = playFile(manifests, tmpDir);
    return [
      ...build,
      ...renderSteps(manifests, file, { text }),
      { run: ['podman', 'kube', 'play', '--replace', file], fix: text.plan.playFix },
      {
        wait: fill(text.plan.podsRunning, { names: workloadNames(manifests).join(', ') }),
        podmanPods: workloadNames(manifests),
        fix: text.plan.podsFix,
      },
    ];
  }
  const context = kubeContext(where);
  const namespace = namespaceArgs(manifests);
  return [
    // Before a long build: is the cluster there?
    { run: ['kubectl', 'cluster-info', '--context', context, '--request-timeout=10s'], fix: noCluster(where, text) },
    ...build,
    ...loadSteps(manifests, { where, engine, tmpDir, text }),
    { run: ['kubectl', 'apply', '-k', folderOf(manifests), '--context', context], fix: text.plan.applyFix },
    ...workloadsOf(manifests).map(({ kind, metadata: { name } }) => ({
      run: ['kubectl', 'rollout', 'status', `${kind.toLowerCase()}/${name}`, ...namespace, '--timeout=180s', '--context', context],
      fix: fill(text.plan.rolloutFix, { namespace: namespace.join(' '), context }),
    })),
  ];
}

/**
 * Steps of `npm run undeploy`. For podman, `present` names the pods that exist (all of them when
 * not given): each is stopped gracefully first, as `podman kube down` kills without SIGTERM and
 * podman ignores terminationGracePeriodSeconds; then `kube down` removes them and their volumes.
 */
export function planUndeploy(manifests, { where, tmpDir, present, text }) {
  if (where.target === 'podman') {
    // The workload first (peers: in reverse start order, the web first), so each pod drains
    // while the pods it calls still answer.
    const inStopOrder = manifests.workload ? workloadsOf(manifests) : workloadsOf(manifests).reverse();
    const pods = inStopOrder.filter((d) => !present || present.includes(d.metadata.name));
    if (pods.length === 0) return [{ note: fill(text.plan.nothingToRemove, { names: workloadNames(manifests).join(', ') }) }];
    const file = playFile(manifests, tmpDir);
    const missing = workloadNames(manifests).filter((name) => !pods.some((d) => d.metadata.name === name));
    return [
      ...missing.map((name) => ({ note: fill(text.plan.noPod, { name }) })),
      ...pods.map((d) => ({
        run: ['podman', 'pod', 'stop', '--ignore', '-t', String(gracePeriod(d)), d.metadata.name],
        fix: text.plan.stopFix,
      })),
      ...renderSteps(manifests, file, { only: pods.map((d) => d.metadata.name), notes: false, text }),
      { run: ['podman', 'kube', 'down', file], fix: text.plan.downFix },
      ...keptClaims(pods, (claims) => `\`podman volume rm ${claims.join(' ')}\``, text),
    ];
  }
  const namespace = namespaceArgs(manifests).join(' ');
  return [
    {
      run: ['kubectl', 'delete', '-k', folderOf(manifests), '--ignore-not-found', '--context', kubeContext(where)],
      fix: noCluster(where, text),
    },
    ...keptClaims(
      workloadsOf(manifests),
      (claims) => `\`kubectl delete pvc ${claims.join(' ')}${namespace ? ` ${namespace}` : ''} --context ${kubeContext(where)}\``,
      text,
    ),
  ];
}

/**
 * A StatefulSet's claims outlive it (Kubernetes keeps them, and podman keeps the volumes it made
 * of them): the data is there for the next deploy. Says so, and how to delete them.
 */
function keptClaims(workloads, howToDelete, text) {
  const claims = workloads.flatMap((workload) => claimsOf(workload).map(({ claim }) => claim));
  if (claims.length === 0) return [];
  return [{ note: fill(text.plan.keptClaims, { claims: claims.join(', '), howToDelete: howToDelete(claims) }) }];
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
function loadSteps(manifests, { where: { target, cluster }, engine, tmpDir, text }) {
  if (target === 'docker-desktop') return [{ note: text.plan.dockerDesktopLoads }];
  const fix = noCluster({ target, cluster }, text);
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

function renderSteps(manifests, file, { only, notes: withNotes = true, text }) {
  const { content, notes } = renderForPodman(manifests, { only, text });
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
 * `only` limits the file to the pods of those workloads; the notes are in the words of `text`.
 */
export function renderForPodman(manifests, { only, text }) {
  const notes = [];
  const left = manifests.objects.filter((o) => !PODMAN_KINDS.includes(o.kind));
  if (left.length > 0) {
    notes.push(fill(text.plan.leftOut, { objects: left.map((o) => `${o.kind} ${o.metadata.name}`).join(', ') }));
  }
  const replicated = workloadsOf(manifests).filter((d) => (d.spec.replicas ?? 1) > 1);
  if (replicated.length > 0) {
    const workloads = replicated.map((d) => `${d.metadata.name} (replicas: ${d.spec.replicas})`).join(', ');
    notes.push(fill(text.plan.onePodEach, { workloads }));
  }
  const addresses = serviceAddresses(manifests);
  const dropped = { probes: new Set(), ports: new Set() };
  const objects = manifests.objects
    .filter((o) => PODMAN_KINDS.includes(o.kind))
    .filter((o) => !only || !['Deployment', 'StatefulSet'].includes(o.kind) || only.includes(o.metadata.name))
    .map((o) => (['Deployment', 'StatefulSet'].includes(o.kind) ? podOf(o) : o))
    .map((o) => (o.kind === 'Pod' ? podForPodman(o, { addresses, notes, dropped, text }) : o));
  if (dropped.probes.size > 0) notes.push(fill(text.plan.probesLeftOut, { pods: [...dropped.probes].join(', ') }));
  if (dropped.ports.size > 0) notes.push(fill(text.plan.portsLeftOut, { pods: [...dropped.ports].join(', ') }));
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
function podForPodman(object, { addresses, notes, dropped, text }) {
  const pod = structuredClone(object);
  const name = pod.metadata.name;
  const sidecars = (pod.spec.initContainers ?? []).filter(isNativeSidecar);
  if (sidecars.length > 0) {
    notes.push(fill(text.plan.classicSidecars, { containers: sidecars.map((c) => `${name}/${c.name}`).join(', ') }));
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
