/**
 * Resources: what the scheduler reserves and where the kubelet stops a container.
 * CPU gets a request but no required limit (a CPU limit only throttles); memory and
 * ephemeral storage get both, because exceeding them must evict this pod, not a neighbour.
 */
import { rec, str, type ContainerKind, type ContainerView } from '../model.js';
import type { Check, Problem } from '../types.js';

/** Ephemeral containers may not set resources at all. */
const SIZED: readonly ContainerKind[] = ['container', 'init', 'sidecar'];

function isSet(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function missing(c: ContainerView, resource: string, which: ('requests' | 'limits')[]): string[] {
  return which.filter((w) => !isSet(c[w][resource])).map((w) => `resources.${w}.${resource}`);
}

function report(c: ContainerView, fields: string[], why: string, example: string): Problem[] {
  if (fields.length === 0) return [];
  return [
    {
      container: c.name,
      message: `${fields.join(' and ')} ${fields.length === 1 ? 'is' : 'are'} not set: ${why}`,
      fix: `Set ${fields.map((f) => `\`${f}\``).join(' and ')} in container ${c.name}, e.g. ${example}.`,
    },
  ];
}

export const resourceChecks: Check[] = [
  {
    id: 'unset-cpu-requirements',
    family: 'resources',
    severity: 'error',
    appliesTo: 'container',
    containers: SIZED,
    description: 'Every container requests CPU, so the scheduler reserves it (no CPU limit is required: it only throttles).',
    run: (c) => report(c, missing(c, 'cpu', ['requests']), 'the pod can be packed onto a node without CPU for it.', '`cpu: 50m`'),
  },
  {
    id: 'unset-memory-requirements',
    family: 'resources',
    severity: 'error',
    appliesTo: 'container',
    containers: SIZED,
    description: 'Every container requests memory and has a memory limit.',
    run: (c) =>
      report(
        c,
        missing(c, 'memory', ['requests', 'limits']),
        'without a request the scheduler overcommits the node, without a limit a leak can starve the whole node.',
        '`memory: 64Mi` in both',
      ),
  },
  {
    id: 'unset-ephemeral-storage-requirements',
    family: 'resources',
    severity: 'error',
    appliesTo: 'container',
    containers: SIZED,
    description: 'Every container requests ephemeral-storage and has an ephemeral-storage limit (logs and writable layers fill node disk).',
    run: (c) =>
      report(
        c,
        missing(c, 'ephemeral-storage', ['requests', 'limits']),
        'logs and files written outside volumes can fill the node disk and evict other pods.',
        '`ephemeral-storage: 64Mi` as request and `128Mi` as limit',
      ),
  },
  {
    id: 'emptydir-size-limit',
    family: 'resources',
    severity: 'error',
    appliesTo: 'pod',
    description: 'Every emptyDir volume has a sizeLimit, so a runaway writer evicts its own pod instead of filling the node.',
    run: (pod) =>
      pod.volumes
        // A volume with no source at all is an emptyDir too.
        .filter((v) => v.emptyDir !== undefined || Object.keys(v).every((k) => k === 'name'))
        .filter((v) => !isSet(rec(v.emptyDir).sizeLimit))
        .map((v) => ({
          message: `emptyDir volume ${str(v.name) ?? '?'} has no sizeLimit: it can fill the node's disk.`,
          fix: `Set \`emptyDir: { sizeLimit: 64Mi }\` (a size that fits what is written there) on volume ${str(v.name) ?? '?'}.`,
        })),
  },
];
