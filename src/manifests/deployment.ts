import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { RUN_AS_GID, RUN_AS_UID, TERMINATION_GRACE_SECONDS } from '../patterns/constants.js';
import type { ContainerSpec, ProjectOptions, VolumeSpec } from '../patterns/types.js';
import { renderContainer } from './container.js';
import { objectLabels, selectorLabels } from './labels.js';

export interface PodInput {
  objectName: string;
  component: string;
  replicas: number;
  containers: ContainerSpec[];
  volumes: VolumeSpec[];
  annotations: Record<string, string>;
}

/** Native sidecars are restartable init containers: they start first and stop last. */
function splitContainers(containers: ContainerSpec[], options: ProjectOptions) {
  const native = options.sidecarMode === 'native';
  const helpers = containers.filter((c) => c.role === 'helper');
  const mains = containers.filter((c) => c.role === 'main');
  return native
    ? {
        initContainers: helpers.map((c) => renderContainer(c, options, true)),
        containers: mains.map((c) => renderContainer(c, options, false)),
      }
    : { initContainers: [], containers: [...mains, ...helpers].map((c) => renderContainer(c, options, false)) };
}

/** The pod template every workload kind shares: labels, the default container, the restricted pod spec. */
export function renderPodTemplate(pod: PodInput, options: ProjectOptions): IPodTemplateSpec {
  const { initContainers, containers } = splitContainers(pod.containers, options);
  const podSpec: IPodSpec = {
    automountServiceAccountToken: false,
    // Service env vars would leak every Service of the namespace into the containers.
    enableServiceLinks: false,
    terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: RUN_AS_UID,
      runAsGroup: RUN_AS_GID,
      fsGroup: RUN_AS_GID,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    ...(initContainers.length ? { initContainers } : {}),
    containers,
    ...(pod.volumes.length ? { volumes: pod.volumes.map((v) => ({ name: v.name, emptyDir: { sizeLimit: v.sizeLimit } })) } : {}),
  };
  return {
    metadata: {
      labels: objectLabels(pod.objectName, options.name, pod.component),
      // kubectl logs/exec, and `npm run dev`, pick the main container by this.
      annotations: {
        'kubectl.kubernetes.io/default-container': pod.containers.find((c) => c.role === 'main')!.name,
        ...pod.annotations,
      },
    },
    spec: podSpec,
  };
}

/** Name, namespace and labels of a workload object. */
export function workloadMetadata(pod: Pick<PodInput, 'objectName' | 'component'>, options: ProjectOptions) {
  return {
    name: pod.objectName,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    labels: objectLabels(pod.objectName, options.name, pod.component),
  };
}

export function renderDeployment(pod: PodInput, options: ProjectOptions): Deployment {
  return new Deployment({
    metadata: workloadMetadata(pod, options),
    spec: {
      replicas: pod.replicas,
      revisionHistoryLimit: 3,
      selector: { matchLabels: selectorLabels(pod.objectName) },
      template: renderPodTemplate(pod, options),
    },
  });
}
