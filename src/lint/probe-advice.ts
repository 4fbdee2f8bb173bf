/**
 * Which probe fits a port: `httpGet` for a port that speaks HTTP, `grpc` for gRPC, and
 * `tcpSocket` (or the server's own check, as `exec`) for a database or any other TCP port,
 * where an HTTP request would never get an answer.
 */
import type { ContainerView, PortView } from './model.js';
import { portSpeaks } from './well-known-ports.js';

const HEALTH_NAME = /^(health|healthz|probe|probes|status)$/;

/** The port a probe should ask: a port named for health checks, else the first one. */
function probedPort(c: ContainerView): PortView | undefined {
  return c.ports.find((p) => p.name !== undefined && HEALTH_NAME.test(p.name)) ?? c.ports[0];
}

function execCommand(command: readonly string[]): string {
  return `[${command.map((arg) => (/^[\w./-]+$/.test(arg) ? arg : `'${arg}'`)).join(', ')}]`;
}

/** Probe handlers to suggest, best first, each as a YAML flow snippet in backticks. */
export function probeExamples(c: ContainerView, field: 'readinessProbe' | 'livenessProbe'): string[] {
  const port = probedPort(c);
  if (!port) return [];
  const ref = port.name ?? port.containerPort;
  const path = field === 'readinessProbe' ? '/readyz' : '/healthz';
  const http = `\`httpGet: { path: ${path}, port: ${ref} }\``;
  const tcp = `\`tcpSocket: { port: ${ref} }\``;
  const speaks = portSpeaks(port);
  switch (speaks.kind) {
    case 'http':
      return [http];
    case 'grpc':
      // A grpc probe takes the port's number, not its name.
      return [`\`grpc: { port: ${port.containerPort} }\``];
    case 'server':
      return speaks.server.check ? [tcp, `\`exec: { command: ${execCommand(speaks.server.check)} }\``] : [tcp];
    case 'tcp':
      return [tcp, http];
  }
}
