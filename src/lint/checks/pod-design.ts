/**
 * Pod design: mistakes in how containers are put together. The containers of a pod share
 * one network namespace and one lifetime, so a pod holds one main service plus helpers.
 */
import { runningContainers, str, type ContainerView, type PodView } from '../model.js';
import type { Check, Problem } from '../types.js';
import { parseImage } from './images.js';

/** Images of standalone services: each belongs in its own workload, not beside an app. */
export const STANDALONE_SERVICE_IMAGES = [
  'nginx', 'nginx-unprivileged', 'httpd', 'apache', 'caddy', 'tomcat', 'wordpress', 'php-fpm',
  'postgres', 'postgresql', 'postgis', 'mysql', 'mariadb', 'percona', 'mssql-server', 'oracle',
  'redis', 'redis-stack', 'redis-stack-server', 'valkey', 'keydb', 'memcached',
  'mongo', 'mongodb', 'couchdb', 'cassandra', 'elasticsearch', 'opensearch', 'influxdb', 'clickhouse', 'clickhouse-server', 'neo4j',
  'rabbitmq', 'kafka', 'zookeeper', 'nats', 'activemq', 'mosquitto', 'minio', 'keycloak',
] as const;

/** The well-known service an image runs, if any: `docker.io/library/postgres:16` -> `postgres`. */
export function standaloneService(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const name = parseImage(image).repository.split('/').pop()!.toLowerCase();
  return (STANDALONE_SERVICE_IMAGES as readonly string[]).includes(name) ? name : undefined;
}

function portConflicts(pod: PodView): Problem[] {
  const byPort = new Map<string, ContainerView[]>();
  for (const c of runningContainers(pod)) {
    for (const p of c.ports) {
      if (p.containerPort === undefined) continue;
      const key = `${p.containerPort}/${p.protocol}`;
      const owners = byPort.get(key) ?? [];
      if (!owners.includes(c)) owners.push(c);
      byPort.set(key, owners);
    }
  }
  // App containers keep their port; the finding names the helper (or the later container).
  const rank = (c: ContainerView) => (c.kind === 'container' ? 0 : 1);
  return [...byPort.entries()]
    .filter(([, owners]) => owners.length > 1)
    .map(([port, owners]) => {
      const ordered = [...owners].sort((a, b) => rank(a) - rank(b));
      const moved = ordered[ordered.length - 1]!;
      return {
        container: moved.name,
        message: `Containers ${ordered.map((c) => c.name).join(' and ')} both use port ${port}; a pod's containers share one network namespace, so only one of them can bind it.`,
        fix: `Give container ${moved.name} another port (and change its env, probes and Service targetPort to match).`,
      };
    });
}

export const podDesignChecks: Check[] = [
  {
    id: 'container-port-conflict',
    family: 'pod-design',
    severity: 'error',
    appliesTo: 'pod',
    description: 'No two containers of a pod (including native sidecars) declare the same port and protocol: they share one network namespace.',
    run: portConflicts,
  },
  {
    id: 'undeclared-volume-mount',
    family: 'pod-design',
    severity: 'error',
    appliesTo: 'container',
    description: "Every volumeMount names a volume declared in the pod's spec.volumes.",
    run: (c, pod) => {
      const declared = new Set(pod.volumes.map((v) => str(v.name)));
      return c.volumeMounts
        .filter((m) => !declared.has(str(m.name)))
        .map((m) => ({
          container: c.name,
          message: `volumeMount ${str(m.name) ?? '?'} (at ${str(m.mountPath) ?? '?'}) names no volume of the pod.`,
          fix: `Declare it in spec.volumes (e.g. \`- name: ${str(m.name) ?? 'data'}\` with \`emptyDir: { sizeLimit: 64Mi }\`), or fix the name in the mount.`,
        }));
    },
  },
  {
    id: 'multiple-main-services',
    family: 'pod-design',
    severity: 'error',
    appliesTo: 'pod',
    description:
      'A pod runs one main service: when a well-known standalone server (nginx, httpd, postgres, mysql, redis, mongo, ...) shares `containers` with another serving container, each belongs in its own Deployment.',
    run: (pod) => {
      // Native sidecars are helpers by construction; a main service is an app container
      // that serves a port or runs a well-known server image.
      const mains = pod.containers.filter((c) => c.kind === 'container' && (c.ports.length > 0 || standaloneService(c.image)));
      const known = mains.filter((c) => standaloneService(c.image));
      if (mains.length < 2 || known.length === 0) return [];
      const names = mains.map((c) => (standaloneService(c.image) ? `${c.name} (${standaloneService(c.image)})` : c.name));
      return [
        {
          container: known[0]!.name,
          message: `Containers ${names.join(', ')} are separate services packed into one pod: they scale, restart and roll out together, and one crash or deploy takes the others with it.`,
          fix: 'Give each service its own Deployment (a database a StatefulSet with a PersistentVolumeClaim) and its own Service, and connect them by Service name; only helpers (log shipper, proxy, adapter) share the app\'s pod.',
        },
      ];
    },
  },
];
