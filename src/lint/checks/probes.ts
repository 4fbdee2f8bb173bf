/**
 * Probes: the kubelet asks each serving container whether it is alive and whether it
 * may take traffic. A probe must point at a port the container declares, and never at
 * another host (that turns the kubelet into a proxy into the node's network).
 */
import { isObj, rec, str, strings, type ContainerKind, type ContainerView } from '../model.js';
import type { Check, Problem } from '../types.js';

/** Containers that run beside the app and may be probed (regular init containers may not). */
const PROBED: readonly ContainerKind[] = ['container', 'sidecar'];
const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;

/** The port a probe handler aims at, as written (number or port name). */
function probePort(probe: unknown): { handler: string; port: unknown } | undefined {
  const p = rec(probe);
  for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
    if (isObj(p[handler])) return { handler, port: p[handler].port };
  }
  return undefined;
}

/** A port name resolved to the number the container declares for it. */
function resolvePort(c: ContainerView, port: unknown): number | string | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string') return c.ports.find((p) => p.name === port)?.containerPort ?? port;
  return undefined;
}

function hasPort(c: ContainerView, port: unknown): boolean {
  if (typeof port === 'number') return c.ports.some((p) => p.containerPort === port);
  if (typeof port === 'string') return c.ports.some((p) => p.name === port);
  return false;
}

/** What a probe checks, so two probes that check the same thing compare equal. */
function probeTarget(c: ContainerView, probe: unknown): string | undefined {
  const p = rec(probe);
  if (isObj(p.httpGet)) {
    const h = p.httpGet;
    return `http ${str(h.scheme) ?? 'HTTP'} ${String(resolvePort(c, h.port))} ${str(h.path) ?? '/'}`;
  }
  if (isObj(p.tcpSocket)) return `tcp ${String(resolvePort(c, p.tcpSocket.port))}`;
  if (isObj(p.grpc)) return `grpc ${String(p.grpc.port)} ${str(p.grpc.service) ?? ''}`;
  if (isObj(p.exec)) return `exec ${JSON.stringify(strings(p.exec.command))}`;
  return undefined;
}

function missingProbe(field: 'readinessProbe' | 'livenessProbe', why: string, example: string) {
  return (c: ContainerView): Problem[] => {
    if (c.ports.length === 0 || c.spec[field] !== undefined) return [];
    const ports = c.ports.map((p) => p.name ?? String(p.containerPort)).join(', ');
    return [
      {
        container: c.name,
        message: `The container serves port ${ports} but has no ${field}: ${why}`,
        fix: `Add a ${field} to container ${c.name}, e.g. \`httpGet: { path: ${example}, port: ${c.ports[0]?.name ?? c.ports[0]?.containerPort} }\`.`,
      },
    ];
  };
}

export const probeChecks: Check[] = [
  {
    id: 'no-readiness-probe',
    family: 'probes',
    severity: 'error',
    appliesTo: 'container',
    containers: PROBED,
    description: 'A container (or native sidecar) that declares a port has a readinessProbe; containers without ports need none.',
    run: missingProbe('readinessProbe', 'it gets traffic before it can answer, and a broken rollout is not held back.', '/readyz'),
  },
  {
    id: 'no-liveness-probe',
    family: 'probes',
    severity: 'error',
    appliesTo: 'container',
    containers: PROBED,
    description: 'A container (or native sidecar) that declares a port has a livenessProbe; containers without ports need none.',
    run: missingProbe('livenessProbe', 'a hung process is never restarted.', '/healthz'),
  },
  {
    id: 'identical-probes',
    family: 'probes',
    severity: 'error',
    appliesTo: 'container',
    containers: PROBED,
    description: 'readinessProbe and livenessProbe check different things (kube-score): when one failure both removes a pod from traffic and restarts it, a passing overload becomes a restart storm.',
    run: (c) => {
      const readiness = probeTarget(c, c.spec.readinessProbe);
      if (readiness === undefined || readiness !== probeTarget(c, c.spec.livenessProbe)) return [];
      return [
        {
          container: c.name,
          message: `readinessProbe and livenessProbe are the same check (${readiness}).`,
          fix: 'Give readiness its own endpoint (e.g. /readyz: ready to take traffic) and keep liveness for "the process is not hung" (e.g. /healthz).',
        },
      ];
    },
  },
  {
    id: 'probe-port',
    family: 'probes',
    severity: 'error',
    appliesTo: 'container',
    containers: PROBED,
    description: 'Every httpGet, tcpSocket or grpc probe names or numbers a containerPort of the same container.',
    run: (c) =>
      PROBES.flatMap((field) => {
        const target = probePort(c.spec[field]);
        if (!target || hasPort(c, target.port)) return [];
        const declared = c.ports.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort))).join(', ') || 'none';
        const message =
          target.port === undefined
            ? `${field}.${target.handler} has no port.`
            : `${field}.${target.handler}.port ${JSON.stringify(target.port)} is not a port this container declares (declared: ${declared}).`;
        return [
          {
            container: c.name,
            message,
            fix: `Point ${field} at a declared port by name (e.g. \`port: ${c.ports[0]?.name ?? 'http'}\`), or declare the port in container ${c.name}'s ports.`,
          },
        ];
      }),
  },
  {
    id: 'probe-host',
    family: 'probes',
    severity: 'error',
    appliesTo: 'container',
    description: 'Probes and lifecycle hooks do not set httpGet.host or tcpSocket.host: the kubelet would connect to another host on the pod\'s behalf.',
    run: (c) => {
      const handlers: [string, unknown][] = [
        ...PROBES.map((f): [string, unknown] => [f, c.spec[f]]),
        ['lifecycle.postStart', rec(c.spec.lifecycle).postStart],
        ['lifecycle.preStop', rec(c.spec.lifecycle).preStop],
      ];
      return handlers.flatMap(([field, handler]) =>
        (['httpGet', 'tcpSocket'] as const).flatMap((kind) => {
          const host = rec(rec(handler)[kind]).host;
          if (host === undefined || host === '') return [];
          return [
            {
              container: c.name,
              message: `${field}.${kind}.host is ${JSON.stringify(host)}: the kubelet would probe another host, not this pod.`,
              fix: `Remove \`host\` from ${field}.${kind} (the pod's IP is used); for a virtual host use an httpHeaders Host header.`,
            },
          ];
        }),
      );
    },
  },
];
