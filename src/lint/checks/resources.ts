/**
 * Resources: what the scheduler reserves and where the kubelet stops a container.
 * CPU gets a request but no required limit (a CPU limit only throttles); memory and
 * ephemeral storage get both, because exceeding them must evict this pod, not a neighbour.
 */
import { rec, str, type ContainerKind, type ContainerView } from '../model.js';
import type { LintText } from '../text.js';
import type { Check, ContainerCheck } from '../types.js';

/** Ephemeral containers may not set resources at all. */
const SIZED: readonly ContainerKind[] = ['container', 'init', 'sidecar'];

function isSet(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** The three resources share one template: which fields must be set, and the words. */
const REQUIREMENTS = [
  { id: 'unset-cpu-requirements', resource: 'cpu', which: ['requests'] },
  { id: 'unset-memory-requirements', resource: 'memory', which: ['requests', 'limits'] },
  { id: 'unset-ephemeral-storage-requirements', resource: 'ephemeral-storage', which: ['requests', 'limits'] },
] as const;

function requirementCheck(t: LintText, { id, resource, which }: (typeof REQUIREMENTS)[number]): ContainerCheck {
  const say = t.checks[id];
  const missing = (c: ContainerView) => which.filter((w) => !isSet(c[w][resource])).map((w) => `resources.${w}.${resource}`);
  return {
    id,
    family: 'resources',
    severity: 'error',
    appliesTo: 'container',
    containers: SIZED,
    description: say.description,
    run: (c) => {
      const fields = missing(c);
      return fields.length === 0
        ? []
        : [{ container: c.name, message: say.message({ fields }), fix: say.fix({ fields, container: c.name }) }];
    },
  };
}

export function resourceChecks(t: LintText): Check[] {
  const say = t.checks['emptydir-size-limit'];
  return [
    ...REQUIREMENTS.map((r) => requirementCheck(t, r)),
    {
      id: 'emptydir-size-limit',
      family: 'resources',
      severity: 'error',
      appliesTo: 'pod',
      description: say.description,
      run: (pod) =>
        pod.volumes
          // A volume with no source at all is an emptyDir too.
          .filter((v) => v.emptyDir !== undefined || Object.keys(v).every((k) => k === 'name'))
          .filter((v) => !isSet(rec(v.emptyDir).sizeLimit))
          .map((v) => ({ message: say.message({ volume: str(v.name) ?? '?' }), fix: say.fix({ volume: str(v.name) ?? '?' }) })),
    },
  ];
}
