// The plan of `npm run demo`: what a "pod" of a folder's manifests is when played as local
// processes, and the environment each of its containers gets. Pure; demo-cluster.mjs runs it.
//
// A pod here is its containers as processes sharing this machine's localhost, as a pod's
// containers share theirs. Two pods must not share ports, so each pod gets its own block: every
// containerPort of the pod is mapped to a free local port (the pod's own "IP"), and the env
// values naming those ports are rewritten. A Service is a local proxy on a port of its own.
import {
  localMounts,
  podContainers,
  resolvePort,
  rewriteAddresses,
  rewriteMountPath,
  serviceAddresses,
  servicesOf,
  workloadsOf,
} from './manifests.mjs';

/** The kubelet's defaults when a probe does not say. */
const PROBE_DEFAULTS = { failureThreshold: 3, timeoutSeconds: 1 };

/**
 * Each workload as the demo runs it: its pod template (containers with ports, probes and mounts;
 * volumes), its kind and replicas (`replicas` overrides them by workload name).
 */
export function workloadPlans(manifests, { replicas = {} } = {}) {
  return workloadsOf(manifests).map((workload) => {
    const spec = workload.spec.template.spec;
    return {
      name: workload.metadata.name,
      kind: workload.kind,
      replicas: replicas[workload.metadata.name] ?? workload.spec.replicas ?? 1,
      containers: podContainers(workload).map(({ container }) => ({
        name: container.name,
        script: `containers/${container.name}/dist/index.cjs`,
        ports: (container.ports ?? []).map(({ name, containerPort }) => ({ name, containerPort })),
        env: (container.env ?? []).filter((variable) => variable.value !== undefined),
        mounts: (container.volumeMounts ?? []).map(({ name, mountPath, subPath }) => ({ name, mountPath, subPath })),
        readiness: httpProbe(workload, container, container.readinessProbe),
      })),
      emptyDirs: (spec.volumes ?? []).filter((volume) => volume.emptyDir).map((volume) => volume.name),
      claims: (workload.spec.volumeClaimTemplates ?? []).map((template) => template.metadata.name),
      graceSeconds: spec.terminationGracePeriodSeconds ?? 30,
    };
  });
}

function httpProbe(workload, container, probe) {
  if (!probe?.httpGet) return undefined;
  return {
    containerPort: resolvePort(workload, probe.httpGet.port, container),
    path: probe.httpGet.path ?? '/',
    failureThreshold: probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold,
    timeoutMs: (probe.timeoutSeconds ?? PROBE_DEFAULTS.timeoutSeconds) * 1000,
  };
}

/** Every Service port the demo runs a proxy for: `key` (`<service>:<port>`), the workload and its target container port. */
export function servicePlans(manifests) {
  return serviceAddresses(manifests).map(({ host, port, target, targetPort }) => ({
    key: `${host}:${port}`,
    service: host,
    port,
    workload: target,
    targetPort,
  }));
}

/** The Service name whose pods hold container `container` (the web's front door, say). */
export function serviceOfContainer(manifests, container) {
  const workload = workloadsOf(manifests).find((w) => podContainers(w).some(({ container: c }) => c.name === container));
  return servicesOf(manifests).find((service) =>
    servicePlans(manifests).some((s) => s.service === service.metadata.name && s.workload === workload?.metadata.name),
  )?.metadata.name;
}

/** Names of the workloads whose pods hold container `container`. */
export const workloadsWith = (plans, container) => plans.filter((w) => w.containers.some((c) => c.name === container)).map((w) => w.name);

/** Every containerPort of a pod, once: the ports its block must hold. */
export const podPorts = (workload) => [...new Set(workload.containers.flatMap((c) => c.ports.map((p) => p.containerPort)))];

/**
 * A container's environment in a pod whose ports are mapped by `portMap` (containerPort ->
 * local port), with `volumeDirs` (volume name -> folder) and `servicePorts` (`<service>:<port>`
 * -> local proxy port). In order: paths under a mount point into the volume's folder; loopback
 * addresses of the pod's own ports follow the map (the pod's localhost is its block); Service
 * addresses become their proxy; a *PORT variable holding one of the pod's ports follows the map.
 */
export function localEnv(container, { portMap, volumeDirs, servicePorts, addresses }) {
  const mounts = localMounts(container.mounts, (volume) => volumeDirs[volume]);
  const toProxy = ({ host, port }) => `127.0.0.1:${servicePorts[`${host}:${port}`]}`;
  const liveAddresses = addresses.filter(({ host, port }) => servicePorts[`${host}:${port}`] !== undefined);
  return Object.fromEntries(
    container.env.map(({ name, value }) => {
      let local = rewriteMountPath(value, mounts);
      local = local.replace(/(?<![\w.-])(?:127\.0\.0\.1|localhost):(\d+)(?!\d)/g, (whole, port) =>
        portMap.has(Number(port)) ? `127.0.0.1:${portMap.get(Number(port))}` : whole,
      );
      local = rewriteAddresses(local, liveAddresses, toProxy);
      if (/(^|_)PORT$/.test(name) && /^\d+$/.test(local) && portMap.has(Number(local))) local = String(portMap.get(Number(local)));
      return [name, local];
    }),
  );
}
