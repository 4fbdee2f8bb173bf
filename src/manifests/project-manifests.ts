import type { Model } from '@kubernetes-models/base';
import { describePattern, describeProject } from '../patterns/index.js';
import type { DesignSpec, LessonDescription, PodDescription, ProjectOptions, WorkloadSpec } from '../patterns/types.js';
import { renderDeployment } from './deployment.js';
import { renderKustomization } from './kustomization.js';
import { isClusterNamespace, renderNamespace } from './namespace.js';
import { renderService } from './service.js';
import { renderStatefulSet } from './statefulset.js';

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

/**
 * Every manifest a project holds, whatever it describes: one pod's k8s/, or each design's folder
 * of a lesson. scripts/schemas-in-use.mjs validates these for every variant.
 * @public (the probe that calls it is a string knip does not read)
 */
export function buildProjectManifests(options: ProjectOptions): ManifestFile[] {
  const project = describeProject(options);
  return project.kind === 'pod' ? buildManifests(options, project.pod) : buildLessonManifests(options, project.lesson);
}

/**
 * The manifests of a lesson: one folder per design, each a kustomization of its own. The
 * namespace, when asked for, is created by the first folder only (the one the project runs):
 * `kubectl delete -k` of the other must not delete it from under the first.
 */
export function buildLessonManifests(options: ProjectOptions, lesson: LessonDescription): ManifestFile[] {
  return lesson.designs.flatMap((design, i) => buildDesignManifests(options, design, i === 0));
}

export function buildDesignManifests(options: ProjectOptions, design: DesignSpec, ownsNamespace: boolean): ManifestFile[] {
  const files = new Map<string, ManifestFile>();
  const add = (file: string, object: ManifestFile['objects'][number]) => {
    const path = `${design.folder}/${file}`;
    const entry = files.get(path) ?? { path, objects: [] };
    (entry.objects as unknown[]).push(object);
    files.set(path, entry);
  };
  if (ownsNamespace && options.namespace && !isClusterNamespace(options.namespace))
    add('namespace.yaml', renderNamespace(options.namespace));
  for (const w of design.workloads) {
    add(w.file, renderWorkload(options, w));
    add(w.serviceFile ?? w.file, renderService(objectNameOf(options, w), w.suffix, w.containers, options, w.service));
  }
  const kustomization = renderKustomization(
    [...files.keys()].map((path) => path.slice(design.folder.length + 1)),
    options.namespace,
  );
  return [{ path: `${design.folder}/kustomization.yaml`, objects: [kustomization] }, ...files.values()];
}

const objectNameOf = (options: ProjectOptions, w: WorkloadSpec) => `${options.name}-${w.suffix}`;

function renderWorkload(options: ProjectOptions, w: WorkloadSpec) {
  const pod = {
    objectName: objectNameOf(options, w),
    component: w.suffix,
    replicas: w.replicas,
    containers: w.containers,
    volumes: w.volumes,
    annotations: {},
  };
  return w.kind === 'StatefulSet'
    ? renderStatefulSet({ ...pod, claims: w.claims, serviceName: pod.objectName }, options)
    : renderDeployment(pod, options);
}
