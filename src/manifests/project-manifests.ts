import type { Model } from '@kubernetes-models/base';
import { describePattern } from '../patterns/index.js';
import type { PodDescription, ProjectOptions } from '../patterns/types.js';
import { renderDeployment } from './deployment.js';
import { renderKustomization } from './kustomization.js';
import { isClusterNamespace, renderNamespace } from './namespace.js';
import { renderService } from './service.js';

/** One file under k8s/: its objects, in order. */
export interface ManifestFile {
  path: string;
  objects: Model<unknown>[] | Record<string, unknown>[];
}

/** The k8s/ folder of a project, as typed objects; pure. */
export function buildManifests(options: ProjectOptions, pattern: PodDescription = describePattern(options)): ManifestFile[] {
  const pod = renderDeployment(
    {
      objectName: options.name,
      // A label value: `sidecar-adapter` for a pod with both helpers.
      component: pattern.pattern.replaceAll(',', '-'),
      replicas: options.replicas,
      containers: pattern.containers,
      volumes: pattern.volumes,
      annotations: pattern.annotations,
    },
    options,
  );
  const files: ManifestFile[] = [];
  // Objects still go into a cluster's own namespace (the kustomization sets it); the namespace itself is left alone.
  if (options.namespace && !isClusterNamespace(options.namespace))
    files.push({ path: 'k8s/namespace.yaml', objects: [renderNamespace(options.namespace)] });
  files.push({ path: 'k8s/deployment.yaml', objects: [pod] });
  files.push({
    path: 'k8s/service.yaml',
    objects: [renderService(options.name, pattern.pattern.replaceAll(',', '-'), pattern.containers, options)],
  });
  for (const companion of pattern.companions) {
    const objectName = `${options.name}-${companion.suffix}`;
    const deployment = renderDeployment(
      { objectName, component: companion.suffix, replicas: 1, containers: [companion.container], volumes: [], annotations: {} },
      options,
    );
    const service = renderService(objectName, companion.suffix, [companion.container], options);
    files.push({ path: `k8s/${companion.suffix}.yaml`, objects: [deployment, service] });
  }
  const kustomization = renderKustomization(
    files.map((f) => f.path.replace(/^k8s\//, '')),
    options.namespace,
  );
  return [{ path: 'k8s/kustomization.yaml', objects: [kustomization] }, ...files];
}
