import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { ClaimSpec, ProjectOptions } from '../patterns/types.js';
import { type PodInput, renderPodTemplate, workloadMetadata } from './deployment.js';
import { selectorLabels } from './labels.js';

/**
 * A workload that keeps data: each pod gets a stable name (`<name>-0`) and its own
 * PersistentVolumeClaim from `claims`, which outlives the pod (a restart, a rollout, a move to
 * another node finds the same data). `serviceName` is its headless Service.
 */
export function renderStatefulSet(pod: PodInput & { claims: ClaimSpec[]; serviceName: string }, options: ProjectOptions): StatefulSet {
  return new StatefulSet({
    metadata: workloadMetadata(pod, options),
    spec: {
      serviceName: pod.serviceName,
      replicas: pod.replicas,
      revisionHistoryLimit: 3,
      selector: { matchLabels: selectorLabels(pod.objectName) },
      template: renderPodTemplate(pod, options),
      volumeClaimTemplates: pod.claims.map((claim) => ({
        metadata: { name: claim.name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: claim.storage } } },
      })),
    },
  });
}
