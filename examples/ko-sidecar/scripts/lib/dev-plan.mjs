// The plan of `npm run dev`: which local processes run a pod's containers, with what
// environment, in which order they start and stop. Pure; scripts/dev.mjs carries it out, and
// hands in `text` (lib/text.mjs, the project's language) for what it says.
import {
  claimsOf,
  companionsOf,
  frontOf,
  isNativeSidecar,
  localMounts,
  podContainers,
  resolvePort,
  rewriteAddresses,
  rewriteMountPath,
  serviceAddresses,
  workloadOf,
  workloadsOf,
} from './manifests.mjs';
import { fill } from './text-fill.mjs';

/** Seconds the kubelet waits after SIGTERM before SIGKILL when the pod does not say. */
const DEFAULT_GRACE_SECONDS = 30;

/** Every emptyDir volume of every workload; dev.mjs makes one temp folder for each `key`. */
export function emptyDirsOf(manifests) {
  return workloadsOf(manifests).flatMap((deployment) =>
    (deployment.spec.template.spec.volumes ?? [])
      .filter((volume) => volume.emptyDir)
      .map((volume) => ({ key: volumeKey(deployment, volume.name), deployment: deployment.metadata.name, volume: volume.name })),
  );
}

const volumeKey = (deployment, volumeName) => `${deployment.metadata.name}/${volumeName}`;

/**
 * Every PersistentVolumeClaim of a StatefulSet's (one) pod; dev.mjs gives each a folder that is
 * kept when dev stops, as a claim outlives its pod, and found again by `claim` on the next run.
 */
export function claimDirsOf(manifests) {
  return workloadsOf(manifests).flatMap((workload) =>
    claimsOf(workload).map(({ volume, claim }) => ({ key: volumeKey(workload, volume), workload: workload.metadata.name, claim })),
  );
}

/**
 * One process per container, in start order: companions (other workloads) first, then the pod's
 * native sidecars, then its containers. With no workload (peers), each workload's pod in the
 * kustomization's order, its processes named by container (`<workload>/<container>` when two
 * workloads have a container of that name). `volumeDirs` maps each emptyDirsOf() and
 * claimDirsOf() key to its folder.
 */
export function planDev(manifests, { volumeDirs }) {
  const addresses = serviceAddresses(manifests);
  const processOf = (deployment, { container, role }, name) => ({
    name,
    role,
    pod: deployment.metadata.name,
    script: `containers/${container.name}/dist/index.cjs`,
    env: containerEnv(deployment, container, { volumeDirs, addresses }),
    ports: (container.ports ?? []).map((port) => port.containerPort),
    // The kubelet starts the next container only once a native sidecar's startup probe passes.
    waitFor: isNativeSidecar(container) ? httpProbe(deployment, container, container.startupProbe) : undefined,
    graceSeconds: deployment.spec.template.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS,
  });
  if (!manifests.workload) {
    const workloads = workloadsOf(manifests);
    const containerNames = workloads.flatMap((w) => podContainers(w).map(({ container }) => container.name));
    const shared = (name) => containerNames.filter((n) => n === name).length > 1;
    return workloads.flatMap((workload) =>
      podContainers(workload).map((entry) =>
        processOf(
          workload,
          { ...entry, role: 'peer' },
          shared(entry.container.name) ? `${workload.metadata.name}/${entry.container.name}` : entry.container.name,
        ),
      ),
    );
  }
  const workload = workloadOf(manifests);
  return [...companionsOf(manifests), workload].flatMap((deployment) => {
    const containers = podContainers(deployment);
    const isCompanion = deployment !== workload;
    return containers.map((entry) =>
      isCompanion
        ? processOf(deployment, { ...entry, role: 'companion' }, companionName(deployment, entry.container, workload, containers.length))
        : processOf(deployment, entry, entry.container.name),
    );
  });
}

/** `upstream-primary` for the container of Deployment `<workload>-upstream-primary`. */
function companionName(deployment, container, workload, containerCount) {
  const prefix = `${workload.metadata.name}-`;
  const name = deployment.metadata.name;
  const short = name.startsWith(prefix) ? name.slice(prefix.length) : name;
  return containerCount > 1 ? `${short}/${container.name}` : short;
}

function httpProbe(deployment, container, probe) {
  if (!probe?.httpGet) return undefined;
  return { port: resolvePort(deployment, probe.httpGet.port, container), path: probe.httpGet.path ?? '/' };
}

/** The manifest's env values, with volume paths and Service addresses made local. */
function containerEnv(deployment, container, { volumeDirs, addresses }) {
  const mounts = localMounts(container.volumeMounts ?? [], (volume) => volumeDirs[volumeKey(deployment, volume)]);
  const env = (container.env ?? []).filter((variable) => variable.value !== undefined);
  return Object.fromEntries(
    env.map(({ name, value }) => [name, rewriteAddresses(rewriteMountPath(value, mounts), addresses, onLocalhost)]),
  );
}

/** Locally every container shares this machine's localhost, so a Service is its target port there. */
const onLocalhost = ({ targetPort }) => `127.0.0.1:${targetPort}`;

/**
 * Groups of processes to stop, one group after the other: the pod's main containers, then its
 * helpers in reverse start order (so they still ship what the app wrote last), then companions.
 * Peers stop pod by pod in reverse start order: the web first, the database it serves last.
 */
export function stopPhases(processes) {
  const peerPods = [...new Set(processes.filter((p) => p.role === 'peer').map((p) => p.pod))].reverse();
  if (peerPods.length > 0) return peerPods.map((pod) => processes.filter((p) => p.role === 'peer' && p.pod === pod));
  const helpers = processes.filter((p) => p.role === 'helper').reverse();
  return [
    processes.filter((p) => p.role === 'main'),
    ...helpers.map((helper) => [helper]),
    processes.filter((p) => p.role === 'companion'),
  ].filter((phase) => phase.length > 0);
}

/**
 * Why the processes cannot all bind their ports: two of them want the same one (locally every
 * Deployment shares this machine's network, not only the pod), or something else holds it.
 */
export function portProblems(processes, busyPorts, text) {
  const owners = new Map();
  const problems = [];
  for (const { name, ports } of processes) {
    for (const port of ports) {
      if (owners.has(port)) {
        problems.push(fill(text.dev.portTwice, { port, first: owners.get(port), second: name }));
        continue;
      }
      owners.set(port, name);
      if (busyPorts.has(port)) {
        problems.push(fill(text.dev.portBusy, { port, name }));
      }
    }
  }
  return problems;
}

/** Where to look once it runs: the app (or the front workload), its /upstream when it has one, the Prometheus scrape target. */
export function devUrls(manifests) {
  const workload = frontOf(manifests);
  const containers = podContainers(workload);
  const app = (containers.find(({ role }) => role === 'main') ?? containers.at(-1)).container;
  const urls = [];
  const port = app.ports?.[0]?.containerPort;
  if (port) {
    urls.push(`http://127.0.0.1:${port}/`);
    if (app.env?.some(({ name }) => name === 'UPSTREAM_URL')) urls.push(`http://127.0.0.1:${port}/upstream`);
  }
  const annotations = workload.spec.template.metadata?.annotations ?? {};
  if (annotations['prometheus.io/scrape'] === 'true' && annotations['prometheus.io/port']) {
    urls.push(`http://127.0.0.1:${annotations['prometheus.io/port']}${annotations['prometheus.io/path'] ?? '/metrics'}`);
  }
  return urls;
}

/** Like restartPolicy: Always, with a shorter backoff than the kubelet's 10 s .. 5 min. */
export const restartDelayMs = (restarts) => Math.min(1000 * 2 ** restarts, 30_000);
