/**
 * Pod design: mistakes in how containers are put together. The containers of a pod share
 * one network namespace and one lifetime, so a pod holds one main service plus helpers
 * (what marks each: src/lint/main-services.ts).
 */
import { mainServices, type MainReason, type MainService } from '../main-services.js';
import { runningContainers, str, type ContainerView, type PodView } from '../model.js';
import type { LintText } from '../text.js';
import type { Check, Problem } from '../types.js';

function portConflicts(pod: PodView, say: LintText['checks']['container-port-conflict']): Problem[] {
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
        message: say.message({ containers: ordered.map((c) => c.name).join(', '), port }),
        fix: say.fix({ container: moved.name }),
      };
    });
}

function tooManyMainServices(pod: PodView, say: LintText['checks']['multiple-main-services']): Problem[] {
  const mains = mainServices(pod);
  if (mains.length < 2) return [];
  const reason = (r: MainReason) =>
    r.kind === 'port' ? say.reasons.port(r) : r.kind === 'state' ? say.reasons.state(r) : say.reasons.server(r);
  const described = (m: MainService) => say.service({ container: m.container.name, reasons: m.reasons.map(reason) });
  const names = (ms: MainService[]) => say.list({ items: ms.map((m) => m.container.name) });
  const services = say.list({ items: mains.map(described) });
  const stateless = mains.filter((m) => !m.stateful);
  const stateful = mains.filter((m) => m.stateful);
  if (stateful.length === 0) {
    return [{ message: say.message({ count: mains.length, services }), fix: say.fix({ services: names(mains) }) }];
  }
  return [
    {
      message: say.messageWithData({ count: mains.length, services, stateful: names(stateful) }),
      fix:
        stateless.length > 0
          ? say.fixWithData({ services: names(stateless), stateful: names(stateful) })
          : say.fixOnlyData({ stateful: names(stateful) }),
    },
  ];
}

export function podDesignChecks(t: LintText): Check[] {
  const { checks } = t;
  return [
    {
      id: 'container-port-conflict',
      family: 'pod-design',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['container-port-conflict'].description,
      run: (pod) => portConflicts(pod, checks['container-port-conflict']),
    },
    {
      id: 'undeclared-volume-mount',
      family: 'pod-design',
      severity: 'error',
      appliesTo: 'container',
      description: checks['undeclared-volume-mount'].description,
      run: (c, pod) => {
        const say = checks['undeclared-volume-mount'];
        const declared = new Set(pod.volumes.map((v) => str(v.name)));
        return c.volumeMounts
          .filter((m) => !declared.has(str(m.name)))
          .map((m) => ({
            container: c.name,
            message: say.message({ volume: str(m.name) ?? '?', path: str(m.mountPath) ?? '?' }),
            fix: say.fix({ volume: str(m.name) ?? 'data' }),
          }));
      },
    },
    {
      id: 'multiple-main-services',
      family: 'pod-design',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['multiple-main-services'].description,
      run: (pod) => tooManyMainServices(pod, checks['multiple-main-services']),
    },
  ];
}
