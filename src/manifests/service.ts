import { Service } from 'kubernetes-models/v1/Service';
import type { ContainerSpec, ProjectOptions } from '../patterns/types.js';
import { objectLabels, selectorLabels } from './labels.js';

/** Publishes every container port that declares a Service port; targets it by name. */
export function renderService(
  objectName: string,
  component: string,
  containers: ContainerSpec[],
  options: ProjectOptions,
  kind: 'cluster-ip' | 'headless' = 'cluster-ip',
): Service {
  const ports = containers.flatMap((c) =>
    c.ports.filter((p) => p.service).map((p) => ({ name: p.name, port: p.service!.port, targetPort: p.name, protocol: 'TCP' as const })),
  );
  return new Service({
    metadata: {
      name: objectName,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      labels: objectLabels(objectName, options.name, component),
    },
    // Headless: no virtual IP; the name resolves to the pods themselves (a StatefulSet's stable names).
    spec: { type: 'ClusterIP', ...(kind === 'headless' ? { clusterIP: 'None' } : {}), selector: selectorLabels(objectName), ports },
  });
}
