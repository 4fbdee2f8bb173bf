/**
 * What a port usually speaks, from its number or its name: probe advice that fits the port
 * (httpGet for HTTP, tcpSocket or the server's own check for a database) and pod design
 * (a database port marks a stateful main service) read this one table.
 */
import type { PortView } from './model.js';

export interface KnownServer {
  /** The server a person would name: `postgres`. */
  server: string;
  ports: readonly number[];
  /** Port names that mean this server. */
  names: readonly string[];
  /** A command in the server's image that checks it is up, for an `exec` probe. */
  check?: readonly string[];
  /** It keeps data: it belongs in a StatefulSet. */
  stateful: boolean;
}

const KNOWN_SERVERS: readonly KnownServer[] = [
  { server: 'postgres', ports: [5432], names: ['postgres', 'postgresql', 'pg', 'psql'], check: ['pg_isready'], stateful: true },
  { server: 'mysql', ports: [3306], names: ['mysql', 'mariadb'], check: ['mysqladmin', 'ping'], stateful: true },
  { server: 'redis', ports: [6379], names: ['redis', 'valkey'], check: ['redis-cli', 'ping'], stateful: true },
  {
    server: 'mongodb',
    ports: [27017],
    names: ['mongo', 'mongodb'],
    check: ['mongosh', '--eval', 'db.adminCommand("ping")'],
    stateful: true,
  },
  { server: 'cassandra', ports: [9042], names: ['cql', 'cassandra'], check: ['cqlsh', '-e', 'describe keyspaces'], stateful: true },
  { server: 'sql server', ports: [1433], names: ['mssql', 'sqlserver'], stateful: true },
  { server: 'oracle', ports: [1521], names: ['oracle'], stateful: true },
  { server: 'memcached', ports: [11211], names: ['memcached'], stateful: false },
  { server: 'rabbitmq', ports: [5672], names: ['amqp', 'rabbitmq'], check: ['rabbitmq-diagnostics', '-q', 'ping'], stateful: true },
  { server: 'kafka', ports: [9092], names: ['kafka'], stateful: true },
  { server: 'zookeeper', ports: [2181], names: ['zookeeper', 'zk'], stateful: true },
  { server: 'nats', ports: [4222], names: ['nats'], stateful: false },
  { server: 'mqtt', ports: [1883], names: ['mqtt', 'mosquitto'], stateful: false },
];

/** Ports and names that speak HTTP (or gRPC, which a probe asks with `grpc`). */
const HTTP_PORTS = new Set([80, 443, 3000, 5000, 8000, 8080, 8081, 8443, 8888, 9090, 9102, 9200]);
const HTTP_NAME = /^(https?|web|www|ui|api|rest|metrics|health|healthz|admin|status|prometheus)$|^https?-|-https?$|-metrics$|^metrics-/;
const GRPC_NAME = /^grpc($|-)|-grpc$/;

export type PortSpeaks = { kind: 'http' } | { kind: 'grpc' } | { kind: 'server'; server: KnownServer } | { kind: 'tcp' };

/** What a declared port most likely speaks; the name wins over the number. */
export function portSpeaks(p: PortView): PortSpeaks {
  const name = p.name?.toLowerCase();
  if (name !== undefined) {
    const byName = KNOWN_SERVERS.find((s) => s.names.includes(name));
    if (byName) return { kind: 'server', server: byName };
    if (GRPC_NAME.test(name)) return { kind: 'grpc' };
    if (HTTP_NAME.test(name)) return { kind: 'http' };
  }
  const byNumber = KNOWN_SERVERS.find((s) => p.containerPort !== undefined && s.ports.includes(p.containerPort));
  if (byNumber) return { kind: 'server', server: byNumber };
  if (p.containerPort !== undefined && HTTP_PORTS.has(p.containerPort)) return { kind: 'http' };
  return { kind: 'tcp' };
}
