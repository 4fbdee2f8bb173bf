/**
 * Probes: the kubelet asks each serving container whether it is alive and whether it
 * may take traffic. A probe must point at a port the container declares, never at
 * another host (that turns the kubelet into a proxy into the node's network), and the
 * probe suggested for a missing one fits what the port speaks (src/lint/probe-advice.ts).
 */
import { isObj, rec, str, strings, type ContainerKind, type ContainerView } from '../model.js';
import { probeExamples } from '../probe-advice.js';
import { describePorts, findPort, resolvePort } from '../ports.js';
import type { LintText } from '../text.js';
import type { Check, ContainerCheck } from '../types.js';

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

/** readiness and liveness: one template, two checks. */
function missingProbeCheck(
  t: LintText,
  id: 'no-readiness-probe' | 'no-liveness-probe',
  field: 'readinessProbe' | 'livenessProbe',
): ContainerCheck {
  const say = t.checks[id];
  return {
    id,
    family: 'probes',
    severity: 'error',
    appliesTo: 'container',
    containers: PROBED,
    description: say.description,
    run: (c) => {
      if (c.ports.length === 0 || c.spec[field] !== undefined) return [];
      return [
        {
          container: c.name,
          message: say.message({ ports: describePorts([c]) }),
          fix: say.fix({ container: c.name, examples: probeExamples(c, field) }),
        },
      ];
    },
  };
}

export function probeChecks(t: LintText): Check[] {
  const { checks } = t;
  return [
    missingProbeCheck(t, 'no-readiness-probe', 'readinessProbe'),
    missingProbeCheck(t, 'no-liveness-probe', 'livenessProbe'),
    {
      id: 'identical-probes',
      family: 'probes',
      severity: 'error',
      appliesTo: 'container',
      containers: PROBED,
      description: checks['identical-probes'].description,
      run: (c) => {
        const say = checks['identical-probes'];
        const readiness = probeTarget(c, c.spec.readinessProbe);
        if (readiness === undefined || readiness !== probeTarget(c, c.spec.livenessProbe)) return [];
        return [{ container: c.name, message: say.message({ target: readiness }), fix: say.fix }];
      },
    },
    {
      id: 'probe-port',
      family: 'probes',
      severity: 'error',
      appliesTo: 'container',
      containers: PROBED,
      description: checks['probe-port'].description,
      run: (c) =>
        PROBES.flatMap((field) => {
          const say = checks['probe-port'];
          const target = probePort(c.spec[field]);
          if (!target || findPort(c.ports, target.port)) return [];
          const probe = `${field}.${target.handler}`;
          const message =
            target.port === undefined
              ? say.noPort({ probe })
              : say.undeclared({ probe, port: JSON.stringify(target.port), declared: describePorts([c]) || t.none });
          return [{ container: c.name, message, fix: say.fix({ field, example: c.ports[0]?.name ?? 'http', container: c.name }) }];
        }),
    },
    {
      id: 'probe-host',
      family: 'probes',
      severity: 'error',
      appliesTo: 'container',
      description: checks['probe-host'].description,
      run: (c) => {
        const say = checks['probe-host'];
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
                message: say.message({ field: `${field}.${kind}`, host: JSON.stringify(host) }),
                fix: say.fix({ field: `${field}.${kind}` }),
              },
            ];
          }),
        );
      },
    },
  ];
}
