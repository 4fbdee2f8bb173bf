/**
 * Services, checked against the pod templates in the same input set: a Service must
 * select some pod, and send each port to a port that pod's containers declare.
 */
import { list, runningContainers, selectorMatches, str, stringMap, type PodView, type ServiceView } from '../model.js';
import { describePorts, findPort } from '../ports.js';
import type { LintText } from '../text.js';
import type { Check, Problem } from '../types.js';

/** The selector of a Service that selects pods (not ExternalName, not selector-less). */
function podSelector(service: ServiceView): Record<string, string> | undefined {
  if (service.spec.type === 'ExternalName') return undefined;
  const selector = stringMap(service.spec.selector);
  return Object.keys(selector).length > 0 ? selector : undefined;
}

function sameNamespace(service: ServiceView, pod: PodView): boolean {
  // Unset means "wherever it is applied" (kubectl -n, kustomize): assume the same place.
  return service.namespace === undefined || pod.namespace === undefined || service.namespace === pod.namespace;
}

export function selectedPods(service: ServiceView, pods: readonly PodView[]): PodView[] {
  const selector = podSelector(service);
  if (!selector) return [];
  return pods.filter((pod) => sameNamespace(service, pod) && selectorMatches(selector, pod.labels));
}

export function serviceChecks(t: LintText): Check[] {
  const { checks } = t;
  return [
    {
      id: 'dangling-service',
      family: 'services',
      severity: 'error',
      appliesTo: 'service',
      description: checks['dangling-service'].description,
      run: (service, pods) => {
        const say = checks['dangling-service'];
        const selector = podSelector(service);
        if (!selector || selectedPods(service, pods).length > 0) return [];
        const labels = Object.entries(selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
        return [{ message: say.message({ labels }), fix: say.fix }];
      },
    },
    {
      id: 'service-target-port',
      family: 'services',
      severity: 'error',
      appliesTo: 'service',
      description: checks['service-target-port'].description,
      run: (service, pods) =>
        selectedPods(service, pods).flatMap((pod) => {
          const say = checks['service-target-port'];
          const running = runningContainers(pod);
          const ports = running.flatMap((c) => c.ports);
          return list(service.spec.ports).flatMap((p): Problem[] => {
            const target = p.targetPort ?? p.port;
            const protocol = str(p.protocol) ?? 'TCP';
            if (findPort(ports, target, protocol)) return [];
            return [
              {
                message: say.message({
                  port: str(p.name) ?? String(p.port),
                  target: `${JSON.stringify(target)}/${protocol}`,
                  object: pod.object,
                  declared: describePorts(running) || t.none,
                }),
                fix: say.fix,
              },
            ];
          });
        }),
    },
  ];
}
