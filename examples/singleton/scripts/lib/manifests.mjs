// What the scripts read from k8s/: the workloads (Deployments, StatefulSets), their containers
// and the Services. Pure functions over parsed manifests, shaped as
//   { workload: '<name>' | undefined, objects: [<parsed Kubernetes objects>] }
// where `workload` is the Deployment of k8s/deployment.yaml (the pod of the pattern) and every
// other workload is a companion (the ambassador's demo upstreams). A folder with no
// deployment.yaml (the anti-pattern project's fix: db, app and web each a workload of its own)
// has no `workload`: its workloads are peers, started in the kustomization's order.

/** @public (scripts/demo.mjs of the anti-pattern project uses it too) */
export const deploymentsOf = (manifests) => manifests.objects.filter((o) => o.kind === 'Deployment');

/** The kinds whose pod template the scripts run. */
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet'];

/** Deployments and StatefulSets, in the kustomization's order. */
export const workloadsOf = (manifests) => manifests.objects.filter((o) => WORKLOAD_KINDS.includes(o.kind));

/**
 * The workload users talk to: the pattern's pod, or with peers the last one started (the web,
 * which starts once what it calls is up).
 */
export const frontOf = (manifests) => (manifests.workload ? workloadOf(manifests) : workloadsOf(manifests).at(-1));

/**
 * The PersistentVolumeClaims a StatefulSet's pod `ordinal` gets, named as Kubernetes names them:
 * `<template>-<statefulset>-<ordinal>`.
 */
export function claimsOf(workload, ordinal = 0) {
  if (workload.kind !== 'StatefulSet') return [];
  return (workload.spec.volumeClaimTemplates ?? []).map((template) => ({
    volume: template.metadata.name,
    claim: `${template.metadata.name}-${workload.metadata.name}-${ordinal}`,
    template,
  }));
}

export const servicesOf = (manifests) => manifests.objects.filter((o) => o.kind === 'Service');

export function workloadOf(manifests) {
  const workload = workloadsOf(manifests).find((d) => d.metadata.name === manifests.workload);
  if (!workload) throw new Error(`k8s/ has no Deployment named ${manifests.workload}`);
  return workload;
}

export const companionsOf = (manifests) => workloadsOf(manifests).filter((d) => d.metadata.name !== manifests.workload);

export const namespaceOf = (object) => object.metadata.namespace;

/** A native sidecar: an init container that keeps running beside the main containers. */
export const isNativeSidecar = (container) => container.restartPolicy === 'Always';

/**
 * The containers of a Deployment's pod in the order the kubelet starts them, each with its role:
 * native sidecars first (`helper`), then `containers`. Of those, the default container
 * (annotation `kubectl.kubernetes.io/default-container`, else the first) is `main`; any other
 * entry is a classic sidecar, also a `helper`, so it is stopped after the app as a native one is.
 */
export function podContainers(deployment) {
  const { metadata = {}, spec } = deployment.spec.template;
  const main = metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? spec.containers[0].name;
  return [
    ...(spec.initContainers ?? []).filter(isNativeSidecar).map((container) => ({ container, role: 'helper' })),
    ...spec.containers.map((container) => ({ container, role: container.name === main ? 'main' : 'helper' })),
  ];
}

/** Every image the workloads use, once, with the folder it is built from. */
export function imagesOf(manifests) {
  const images = new Map();
  for (const deployment of workloadsOf(manifests)) {
    for (const { container } of podContainers(deployment)) {
      if (!images.has(container.image)) images.set(container.image, `containers/${container.name}`);
    }
  }
  return [...images].map(([image, context]) => ({ image, context }));
}

/**
 * The number behind a container port given by number or by name. A probe's named port is its own
 * container's (two containers of a pod may both name one `http`), so `container` is looked in first.
 */
export function resolvePort(deployment, port, container) {
  if (typeof port === 'number') return port;
  const own = container?.ports?.find((p) => p.name === port)?.containerPort;
  if (own !== undefined) return own;
  const ports = podContainers(deployment).flatMap(({ container: c }) => c.ports ?? []);
  return ports.find((p) => p.name === port)?.containerPort;
}

/**
 * A container's volumeMounts as rewriteMountPath takes them: `{ from: mountPath, to: folder }`,
 * longest first, where `folderOf(volume name)` is the volume's local folder (none: left out).
 */
export function localMounts(volumeMounts, folderOf) {
  return volumeMounts
    .filter((mount) => folderOf(mount.name))
    .map((mount) => ({ from: mount.mountPath.replace(/\/+$/, ''), to: [folderOf(mount.name), mount.subPath].filter(Boolean).join('/') }))
    .sort((a, b) => b.from.length - a.from.length);
}

/**
 * `/var/log/app/access.log` -> `<folder of the volume mounted at /var/log/app>/access.log`.
 * `mounts` are `{ from: mountPath, to: folder }`, longest first (localMounts).
 */
export function rewriteMountPath(value, mounts) {
  const mount = mounts.find(({ from }) => value === from || value.startsWith(`${from}/`));
  return mount ? mount.to + value.slice(mount.from.length) : value;
}

/** The workload whose pods a Service selects. */
export function selectedDeployment(manifests, service) {
  const selector = Object.entries(service.spec.selector ?? {});
  return workloadsOf(manifests).find(
    (d) =>
      namespaceOf(d) === namespaceOf(service) &&
      selector.length > 0 &&
      selector.every(([key, value]) => d.spec.template.metadata?.labels?.[key] === value),
  );
}

/** Each Service port, with the workload and container port behind it. */
export function serviceAddresses(manifests) {
  return servicesOf(manifests).flatMap((service) => {
    const target = selectedDeployment(manifests, service);
    if (!target) return [];
    return (service.spec.ports ?? []).map((port) => ({
      host: service.metadata.name,
      namespace: namespaceOf(service),
      port: port.port,
      target: target.metadata.name,
      targetPort: resolvePort(target, port.targetPort ?? port.port),
    }));
  });
}

/**
 * Replaces `svc:80`, `svc.ns:80`, `svc.ns.svc:80` and `svc.ns.svc.cluster.local:80` in a value by
 * `to(address)`, for where no cluster DNS runs. With no namespace in the manifests, objects land in
 * the context's namespace, so any is accepted.
 */
export function rewriteAddresses(value, addresses, to) {
  return addresses
    .filter((address) => address.targetPort !== undefined)
    .reduce((text, address) => {
      const { host, namespace, port } = address;
      const ns = namespace ? escapeRegExp(namespace) : '[a-z0-9-]+';
      const name = `${escapeRegExp(host)}(?:\\.${ns}(?:\\.svc(?:\\.cluster\\.local)?)?)?`;
      const pattern = new RegExp(`(?<![\\w.-])${name}:${port}(?!\\d)`, 'g');
      return text.replace(pattern, to(address));
    }, value);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
