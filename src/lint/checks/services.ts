/**
 * Services, checked against the pod templates in the same input set: a Service must
 * select some pod, and send each port to a port that pod's containers declare.
 */
import { list, runningContainers, selectorMatches, str, stringMap, type PodView, type ServiceView } from '../model.js';
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

export const serviceChecks: Check[] = [
  {
    id: 'dangling-service',
    family: 'services',
    severity: 'error',
    appliesTo: 'service',
    description: "A Service's selector matches the pod template labels of some workload in the same set (selector-less and ExternalName Services are skipped).",
    run: (service, pods) => {
      const selector = podSelector(service);
      if (!selector || selectedPods(service, pods).length > 0) return [];
      const wanted = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
      return [
        {
          message: `No pod template in the input carries all of the selector labels ${wanted}; the Service would have no endpoints.`,
          fix: "Make spec.selector a subset of the Deployment's spec.template.metadata.labels (or lint the Service together with its Deployment).",
        },
      ];
    },
  },
  {
    id: 'service-target-port',
    family: 'services',
    severity: 'error',
    appliesTo: 'service',
    description: 'Each Service port targets (by number or name; targetPort defaults to port) a containerPort declared in every pod it selects.',
    run: (service, pods) =>
      selectedPods(service, pods).flatMap((pod) => {
        const ports = runningContainers(pod).flatMap((c) => c.ports);
        return list(service.spec.ports).flatMap((p): Problem[] => {
          const target = p.targetPort ?? p.port;
          const protocol = str(p.protocol) ?? 'TCP';
          const found =
            typeof target === 'number'
              ? ports.some((cp) => cp.containerPort === target && cp.protocol === protocol)
              : ports.some((cp) => cp.name === target && cp.protocol === protocol);
          if (found) return [];
          const declared = ports.map((cp) => (cp.name ? `${cp.name} (${cp.containerPort})` : String(cp.containerPort))).join(', ') || 'none';
          return [
            {
              message: `Port ${str(p.name) ?? String(p.port)} targets ${JSON.stringify(target)}/${protocol}, which no container of ${pod.object} declares (declared: ${declared}).`,
              fix: `Set targetPort to the name of the container port it should reach (e.g. \`targetPort: http\`), and declare that port in the container.`,
            },
          ];
        });
      }),
  },
];
