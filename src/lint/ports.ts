/**
 * Declared ports, in one place: how a port is shown to a person (`http (8080)`), and how a
 * port written in a probe or a Service (a number or a name) finds the port it means.
 */
import type { ContainerView, PortView } from './model.js';

/** `http (8080)` for a named port, `8080` for an unnamed one. */
export function describePort(p: PortView): string {
  return p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort);
}

/** Every declared port of the containers, described; '' when there is none. */
export function describePorts(containers: readonly ContainerView[]): string {
  return containers.flatMap((c) => c.ports.map(describePort)).join(', ');
}

/** The declared port a probe or Service names or numbers, if the container declares it. */
export function findPort(ports: readonly PortView[], port: unknown, protocol?: string): PortView | undefined {
  const sameProtocol = (p: PortView) => protocol === undefined || p.protocol === protocol;
  if (typeof port === 'number') return ports.find((p) => p.containerPort === port && sameProtocol(p));
  if (typeof port === 'string') return ports.find((p) => p.name === port && sameProtocol(p));
  return undefined;
}

/** A port name resolved to its number; a number, or a name nobody declares, as written. */
export function resolvePort(c: ContainerView, port: unknown): number | string | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string') return findPort(c.ports, port)?.containerPort ?? port;
  return undefined;
}
