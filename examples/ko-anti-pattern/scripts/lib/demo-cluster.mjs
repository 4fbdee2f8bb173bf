// A small stand-in for a cluster, for `npm run demo`: the kubelet (pods as local processes,
// readiness probes polled, a crashed container restarted after a pause) and kube-proxy (a
// Service sends each connection to a ready pod). The effects live here; demo-plan.mjs says
// what a pod's processes get.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { isOk, request } from './demo-http.mjs';
import { localEnv, podPorts, servicePlans, workloadPlans } from './demo-plan.mjs';
import { startService } from './demo-service.mjs';
import { spawnContainer } from './io.mjs';
import { makeRunFolder } from './run-folder.mjs';
import { serviceAddresses } from './manifests.mjs';
import { text as scriptsText } from './text.mjs';
import { fill } from './text-fill.mjs';

/** How often the "kubelet" probes: the manifests' periods (10 s by default) compressed for a demo. */
const PROBE_PERIOD_MS = 250;
/** How long a crashed container stays down before it is started again (the kubelet's first back-off is 10 s). */
export const RESTART_PAUSE_MS = 3000;
/** A pod not ready by then is reported with its containers' last lines. */
const READY_TIMEOUT_MS = 60_000;
/** Lines of each container's output kept for that report. */
const KEPT_LINES = 20;

/** Every process any cluster started, so an exiting demo can kill what is left, whatever happened. */
const everyChild = new Set();
/** Every cluster's folder not yet removed: a signal can come while a cluster is still starting. */
const everyFolder = new Set();

/** Kills every container process still running, at once, and removes every cluster's folder (for process exit). */
export function tearDownEverything() {
  for (const child of everyChild) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const folder of everyFolder) folder.remove();
}

/**
 * Every pid still running, for a caller that must prove nothing is left (the tests).
 * @public
 */
export const runningPids = () => [...everyChild].map((child) => child.pid);

/**
 * Starts every workload of `manifests` (replicas overridden by `replicas`) with its Services and
 * resolves once every pod is ready. `root` is the project (the containers' built code is there),
 * `env` what every process gets from the host (PATH and the like), `text` the demo's words
 * (lib/demo-text.mjs) for what went wrong; a missing build is said as `npm run dev` says it.
 */
export async function startCluster(manifests, { root, replicas = {}, env: hostEnv = {}, text }) {
  const workloads = workloadPlans(manifests, { replicas });
  for (const { containers } of workloads) {
    for (const { name, script } of containers) {
      if (!existsSync(join(root, script))) throw new Error(fill(scriptsText.dev.missingBuild, { name, script }));
    }
  }
  const addresses = serviceAddresses(manifests);
  // Its pods' volumes; a demo killed outright leaves it to the next run to remove (run-folder.mjs).
  const folder = await makeRunFolder('demo');
  const dir = folder.path;
  everyFolder.add(folder);
  const pods = [];
  const names = new Map();
  /** Each Service's first port (its address for the lessons); every proxy, to close them. */
  const serviceUrls = new Map();
  const proxies = [];
  const servicePorts = {};
  let stopped = false;

  for (const plan of servicePlans(manifests)) {
    const proxy = startService(() =>
      pods
        .filter((pod) => pod.workload.name === plan.workload && !pod.terminating && pod.ready())
        .map((pod) => ({ host: '127.0.0.1', port: pod.portMap.get(plan.targetPort) })),
    );
    proxies.push(proxy);
    servicePorts[plan.key] = await proxy.listening;
    if (!serviceUrls.has(plan.service)) serviceUrls.set(plan.service, `http://127.0.0.1:${servicePorts[plan.key]}`);
  }

  /** A pod of `workload`: its port block, its volumes' folders, its containers running. */
  async function createPod(workload, ordinal) {
    const count = (names.get(workload.name) ?? 0) + 1;
    names.set(workload.name, count);
    const name = workload.kind === 'StatefulSet' ? `${workload.name}-${ordinal}` : `${workload.name}-${count}`;
    const ports = podPorts(workload);
    const free = await freePorts(ports.length);
    const portMap = new Map(ports.map((port, i) => [port, free[i]]));
    const volumeDirs = {};
    for (const volume of workload.emptyDirs) volumeDirs[volume] = mkdtempSync(join(dir, `${name}-${volume}-`));
    // A claim is the StatefulSet's, per ordinal: the next pod of that ordinal finds it again.
    for (const claim of workload.claims) {
      volumeDirs[claim] = join(dir, 'claims', `${claim}-${workload.name}-${ordinal}`);
      mkdirSync(volumeDirs[claim], { recursive: true });
    }
    const pod = { name, workload, ordinal, portMap, volumeDirs, terminating: false };
    pod.containers = workload.containers.map((spec) =>
      runContainer(spec, { env: { ...hostEnv, ...localEnv(spec, { portMap, volumeDirs, servicePorts, addresses }) }, root }),
    );
    pod.ready = () => pod.containers.every((container) => container.ready);
    pod.probing = setInterval(() => {
      for (const container of pod.containers) container.probe(portMap);
    }, PROBE_PERIOD_MS);
    pods.push(pod);
    return pod;
  }

  async function waitReady(pod) {
    for (let waited = 0; waited < READY_TIMEOUT_MS && !stopped; waited += PROBE_PERIOD_MS) {
      if (pod.ready()) return;
      await sleep(PROBE_PERIOD_MS);
    }
    if (stopped) return;
    const state = (c) => (c.ready ? text.problems.ready : text.problems.notReadyContainer);
    const logs = pod.containers.map((c) => `--- ${c.name} (${state(c)}):\n${c.lines.join('\n')}`).join('\n');
    throw new Error(`${fill(text.problems.notReady, { pod: pod.name, seconds: READY_TIMEOUT_MS / 1000 })}\n${logs}`);
  }

  /** Deletes a pod as Kubernetes does: out of its Services at once, SIGTERM, SIGKILL after the grace period; its emptyDirs go with it. */
  async function deletePod(pod) {
    pod.terminating = true;
    await Promise.all(pod.containers.map((container) => container.stop(pod.workload.graceSeconds)));
    clearInterval(pod.probing);
    pods.splice(pods.indexOf(pod), 1);
    for (const volume of pod.workload.emptyDirs) rmSync(pod.volumeDirs[volume], { recursive: true, force: true });
  }

  const workloadNamed = (name) => workloads.find((w) => w.name === name);
  const podsOf = (name) => pods.filter((pod) => pod.workload.name === name && !pod.terminating);

  try {
    const started = [];
    for (const workload of workloads) {
      for (let ordinal = 0; ordinal < workload.replicas; ordinal += 1) started.push(await createPod(workload, ordinal));
    }
    for (const pod of started) await waitReady(pod);
  } catch (error) {
    await stopAll();
    throw error;
  }

  async function stopAll() {
    stopped = true;
    for (const pod of pods) clearInterval(pod.probing);
    await Promise.all(pods.flatMap((pod) => pod.containers.map((container) => container.kill())));
    await Promise.all(proxies.map((proxy) => proxy.close()));
    folder.remove();
    everyFolder.delete(folder);
  }

  return {
    workloads,
    podsOf,
    /** The pods' names, by workload, with their containers. */
    describe: () =>
      workloads.map((w) => ({
        workload: w.name,
        pods: podsOf(w.name).map((pod) => pod.name),
        containers: w.containers.map((c) => c.name),
      })),
    serviceUrl: (service) => serviceUrls.get(service),
    /** A pod's own address for one of its containers (its first port), as another pod would reach it. */
    podUrl(pod, containerName) {
      const container = pod.workload.containers.find((c) => c.name === containerName);
      return `http://127.0.0.1:${pod.portMap.get(container.ports[0].containerPort)}`;
    },
    /**
     * SIGKILLs a container and resolves once it has exited (the pod is then not ready). The
     * "kubelet" starts it again RESTART_PAUSE_MS later, and not before `release()` is called,
     * so the caller measures while it is down; `recovered` resolves once the pod is ready again.
     */
    async crash(pod, containerName) {
      const container = pod.containers.find((c) => c.name === containerName);
      let release;
      container.holdRestart(new Promise((resolve) => (release = resolve)));
      const pid = container.pid();
      await container.crash();
      return { pid, release, recovered: () => waitReady(pod).then(() => container.pid()) };
    },
    /**
     * A new pod template for `workloadName`, rolled out as Kubernetes rolls it out with the
     * default strategy: a Deployment's pods one by one, the new pod first and the old one
     * deleted once the new one is ready; a StatefulSet's pods deleted first, then made again
     * under the same name with the same claims. Resolves to [{ old, new }] pod names.
     */
    async rollout(workloadName) {
      const workload = workloadNamed(workloadName);
      const replaced = [];
      for (const old of podsOf(workloadName)) {
        if (workload.kind === 'StatefulSet') await deletePod(old);
        const fresh = await createPod(workload, old.ordinal);
        await waitReady(fresh);
        if (workload.kind !== 'StatefulSet') await deletePod(old);
        replaced.push({ old: old.name, new: fresh.name });
      }
      return replaced;
    },
    stop: stopAll,
  };
}

/** One container as the kubelet runs it: restarted when it exits, ready once its readiness probe passes. */
function runContainer(spec, { env, root }) {
  let child;
  let exited = Promise.resolve();
  let hold;
  let stopping = false;
  let failures = 0;
  const self = { name: spec.name, ready: false, lines: [] };

  function start() {
    self.ready = false;
    failures = 0;
    child = spawnContainer(join(root, spec.script), { env, cwd: root });
    everyChild.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        self.lines.push(line);
        if (self.lines.length > KEPT_LINES) self.lines.shift();
      });
    }
    const current = child;
    exited = new Promise((resolve) =>
      current.on('close', () => {
        everyChild.delete(current);
        // A container that is not running is not ready, at once: the kubelet does not wait for a probe.
        self.ready = false;
        resolve();
        if (stopping) return;
        const gate = hold;
        hold = undefined;
        Promise.all([sleep(RESTART_PAUSE_MS), gate]).then(() => stopping || start());
      }),
    );
  }
  const running = () => child && child.exitCode === null && child.signalCode === null;

  self.pid = () => child?.pid;
  self.holdRestart = (promise) => (hold = promise);
  self.probe = async (portMap) => {
    if (!running()) return;
    if (!spec.readiness) {
      self.ready = true;
      return;
    }
    const probed = child;
    const { containerPort, path, failureThreshold, timeoutMs } = spec.readiness;
    const answer = await request('GET', `http://127.0.0.1:${portMap.get(containerPort)}${path}`, { timeoutMs });
    if (probed !== child || !running()) return;
    if (isOk(answer)) {
      failures = 0;
      self.ready = true;
    } else if (++failures >= failureThreshold) {
      self.ready = false;
    }
  };
  /** SIGKILL, as a crash: the kubelet starts it again after the pause. */
  self.crash = async () => {
    if (running()) child.kill('SIGKILL');
    await exited;
  };
  /** SIGKILL for good (the demo is over). */
  self.kill = async () => {
    stopping = true;
    await self.crash();
  };
  /** SIGTERM, then SIGKILL once the grace period is over; never restarted. */
  self.stop = async (graceSeconds) => {
    stopping = true;
    if (!running()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => running() && child.kill('SIGKILL'), graceSeconds * 1000);
    await exited;
    clearTimeout(timer);
  };
  start();
  return self;
}

/** `count` ports free on this machine now (each pod's block, each Service's port). */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = createServer().once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
