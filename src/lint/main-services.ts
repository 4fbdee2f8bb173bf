/**
 * What makes a container a main service of its pod, read from its shape, not its image
 * name. A pod holds one main service and the helpers that serve it; two main services in
 * one pod are scheduled, scaled, restarted and rolled out together, which is the mistake.
 *
 * Helpers: native sidecars (init containers with `restartPolicy: Always`); a container that
 * listens only on loopback (its listen address, in env or args, is 127.0.0.1); ports that
 * exist for the kubelet or Prometheus (named health or metrics, or the `prometheus.io/port`
 * annotation); a container without ports (a shipper, a syncer beside a shared volume).
 * Main services: a container of `containers` with a port of its own that is not a helper's,
 * or with its own persistent state (a PersistentVolumeClaim or a data directory such as
 * /var/lib/mysql), or running a well-known standalone server.
 */
import { describePort } from './ports.js';
import { list, rec, str, strings, type ContainerView, type Obj, type PodView, type PortView } from './model.js';
import { portSpeaks } from './well-known-ports.js';
import { parseImage } from './checks/images.js';

/** Images of standalone servers: web servers, and servers that keep data. */
const WEB_SERVER_IMAGES = [
  'nginx',
  'nginx-unprivileged',
  'httpd',
  'apache',
  'caddy',
  'tomcat',
  'wordpress',
  'php-fpm',
  'memcached',
  'keycloak',
];
const DATA_SERVER_IMAGES = [
  'postgres',
  'postgresql',
  'postgis',
  'mysql',
  'mysql-server',
  'mariadb',
  'percona',
  'mssql-server',
  'oracle',
  'redis',
  'redis-stack',
  'redis-stack-server',
  'valkey',
  'keydb',
  'mongo',
  'mongodb',
  'couchdb',
  'cassandra',
  'elasticsearch',
  'opensearch',
  'influxdb',
  'clickhouse',
  'clickhouse-server',
  'neo4j',
  'rabbitmq',
  'kafka',
  'zookeeper',
  'nats',
  'activemq',
  'mosquitto',
  'minio',
];
const STANDALONE_SERVICE_IMAGES: readonly string[] = [...WEB_SERVER_IMAGES, ...DATA_SERVER_IMAGES];

/** The well-known server an image runs, if any: `docker.io/library/postgres:16` -> `postgres`. */
export function standaloneService(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const name = parseImage(image).repository.split('/').pop()!.toLowerCase();
  return STANDALONE_SERVICE_IMAGES.includes(name) ? name : undefined;
}

export type MainReason = { kind: 'port'; port: string } | { kind: 'state'; path: string } | { kind: 'server'; server: string };

export interface MainService {
  container: ContainerView;
  reasons: MainReason[];
  /** It keeps data (a database, a queue): it belongs in a StatefulSet. */
  stateful: boolean;
}

const HELPER_PORT_NAME = /^(metrics|prometheus|exporter|health|healthz|probe|probes|admin)$|-metrics$|^metrics-/;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])(:\d+)?$/;
/** Env names that set a listen address (LISTEN_HOST, BIND_ADDR, HOST), not a client's target. */
const LISTEN_ENV = /(^|_)(LISTEN|BIND)(_|$)|^HOST$/i;
const LISTEN_ARG = /^--?(listen|bind|host|address|addr|listen-address|bind-address)(=|$)/;
/** Where servers keep their data. */
export const DATA_DIR = /^\/(var\/lib\/[^/]+|data|bitnami\/[^/]+)(\/|$)/;

/** Whether the container's own listen address, in env or args, is a loopback address. */
function listensOnLoopbackOnly(c: ContainerView): boolean {
  const fromEnv = list(c.spec.env).some((e) => LISTEN_ENV.test(str(e.name) ?? '') && LOOPBACK.test(str(e.value) ?? ''));
  const args = [...strings(c.spec.command), ...strings(c.spec.args)];
  const fromArgs = args.some((arg, i) => {
    if (!LISTEN_ARG.test(arg)) return false;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '');
    return LOOPBACK.test(value);
  });
  return fromEnv || fromArgs;
}

/** A port the kubelet or Prometheus reads, which serves the app rather than being a service. */
function isHelperPort(p: PortView, pod: PodView): boolean {
  if (p.name !== undefined && HELPER_PORT_NAME.test(p.name.toLowerCase())) return true;
  const scraped = pod.annotations['prometheus.io/port'];
  return scraped !== undefined && p.containerPort !== undefined && String(p.containerPort) === scraped;
}

/** Mount paths of the container's own persistent state. */
function statePaths(c: ContainerView, pod: PodView): string[] {
  const volumes = new Map(pod.volumes.map((v): [string | undefined, Obj] => [str(v.name), v]));
  const mountedElsewhere = (name: string | undefined) =>
    pod.containers.some((other) => other !== c && other.volumeMounts.some((m) => str(m.name) === name));
  return c.volumeMounts
    .filter((m) => m.readOnly !== true)
    .filter((m) => {
      const volume = volumes.get(str(m.name));
      const claim =
        volume !== undefined && (volume.persistentVolumeClaim !== undefined || rec(volume.ephemeral).volumeClaimTemplate !== undefined);
      return claim || (DATA_DIR.test(str(m.mountPath) ?? '') && !mountedElsewhere(str(m.name)));
    })
    .map((m) => str(m.mountPath) ?? str(m.name) ?? '?');
}

function mainReasons(c: ContainerView, pod: PodView): MainReason[] {
  const reasons: MainReason[] = [];
  const server = standaloneService(c.image);
  // `mysql-server`, `redis-stack-server`, `nginx-unprivileged` are mysql, redis, nginx to a person.
  if (server) reasons.push({ kind: 'server', server: server.replace(/-(stack-server|stack|server|unprivileged)$/, '') });
  if (!listensOnLoopbackOnly(c)) {
    for (const p of c.ports) if (!isHelperPort(p, pod)) reasons.push({ kind: 'port', port: describePort(p) });
  }
  for (const path of statePaths(c, pod)) reasons.push({ kind: 'state', path });
  return reasons;
}

function isStateful(c: ContainerView, reasons: readonly MainReason[]): boolean {
  if (reasons.some((r) => r.kind === 'state')) return true;
  const server = standaloneService(c.image);
  if (server && DATA_SERVER_IMAGES.includes(server)) return true;
  return c.ports.some((p) => {
    const speaks = portSpeaks(p);
    return speaks.kind === 'server' && speaks.server.stateful;
  });
}

/** The main services of a pod, in the order its containers are written. */
export function mainServices(pod: PodView): MainService[] {
  return pod.containers
    .filter((c) => c.kind === 'container')
    .map((container) => {
      const reasons = mainReasons(container, pod);
      return { container, reasons, stateful: isStateful(container, reasons) };
    })
    .filter((m) => m.reasons.length > 0);
}
