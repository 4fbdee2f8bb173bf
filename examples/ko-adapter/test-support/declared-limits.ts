import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** A container as its manifest declares it: its environment and its memory limit in bytes. */
export interface DeclaredContainer {
  env: Record<string, string>;
  memoryLimitBytes: number;
}

/**
 * Container `name` as the first of `manifests` that exists declares it: a test's memory bound
 * is the project's own promise. The candidates are the project's k8s/ file and, in
 * create-pod-pattern's repository, the golden example's.
 */
export function declaredContainer(manifests: URL[], name: string): DeclaredContainer {
  const path = manifests.map((url) => fileURLToPath(url)).find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`no manifest at ${manifests.map((url) => fileURLToPath(url)).join(' or ')}`);
  const container = parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => doc.toJS())
    .flatMap((object) => object?.spec?.template?.spec?.containers ?? [])
    .find((c: { name: string }) => c.name === name);
  if (!container) throw new Error(`${path} has no container ${name}`);
  const env = Object.fromEntries(container.env.map(({ name, value }: { name: string; value: unknown }) => [name, String(value)]));
  const limit = /^(\d+)Mi$/.exec(container.resources.limits.memory);
  if (!limit) throw new Error(`a memory limit this test does not read: ${container.resources.limits.memory}`);
  return { env, memoryLimitBytes: Number(limit[1]) * 2 ** 20 };
}

/** Below the limit by this share: the kubelet counts more than RSS, and Node's footprint moves between versions. */
export const HEADROOM = 0.25;

/** The most memory process `pid` has held so far (VmHWM), in bytes; Linux only. */
export const peakRss = (pid: number) => Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Whether this machine can run a memory test with `connections` connections at once: Linux
 * (peak RSS is read from /proc) and enough file descriptors (the client's socket and the
 * server's, with room to spare). A soft limit below that (1024 is common) is raised first, up
 * to the hard limit, with util-linux's prlimit: the server started next inherits it.
 */
export function canHoldConnections(connections: number): boolean {
  if (process.platform !== 'linux') return false;
  const wanted = 4 * connections;
  const openFilesLimit = () => Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout);
  if (openFilesLimit() < wanted) spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${wanted}:`]);
  return openFilesLimit() >= wanted;
}
