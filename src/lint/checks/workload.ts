/** Workload: how the controller finds, counts and stops its pods. */
import { int, list, rec, str, strings, stringMap, runningContainers, type WorkloadView } from '../model.js';
import type { Check, Problem } from '../types.js';

/** Seconds a pod with helpers needs at least: the app drains, then helpers flush and exit. */
export const MIN_GRACE_WITH_HELPERS = 10;

/** Why a label selector does not pick the pod template's labels, or undefined when it does. */
export function selectorMismatch(selector: unknown, labels: Record<string, string>): string | undefined {
  const matchLabels = stringMap(rec(selector).matchLabels);
  const expressions = list(rec(selector).matchExpressions);
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return 'spec.selector is missing or empty.';
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== value) {
      return labels[key] === undefined
        ? `selector label ${key}=${value} is not on the pod template.`
        : `selector label ${key}=${value} differs from the pod template's ${key}=${labels[key]}.`;
    }
  }
  for (const e of expressions) {
    const key = str(e.key) ?? '';
    const values = strings(e.values);
    const has = labels[key] !== undefined;
    const ok =
      e.operator === 'In' ? has && values.includes(labels[key]!) :
      e.operator === 'NotIn' ? !has || !values.includes(labels[key]!) :
      e.operator === 'Exists' ? has :
      e.operator === 'DoesNotExist' ? !has :
      false;
    if (!ok) return `selector expression ${key} ${String(e.operator)} [${values.join(', ')}] does not match the pod template's labels.`;
  }
  return undefined;
}

export const workloadChecks: Check[] = [
  {
    id: 'unset-replicas',
    family: 'workload',
    severity: 'error',
    appliesTo: 'workload',
    description: 'Deployments, StatefulSets and ReplicaSets set spec.replicas explicitly, so the manifest states how many pods run.',
    run: (w: WorkloadView): Problem[] =>
      !w.scalable || int(w.spec.replicas) !== undefined
        ? []
        : [
            {
              message: 'spec.replicas is not set; it defaults to 1 and a later apply resets any scaling silently.',
              fix: 'Set `spec.replicas` (e.g. `replicas: 1`).',
            },
          ],
  },
  {
    id: 'mismatching-selector',
    family: 'workload',
    severity: 'error',
    appliesTo: 'workload',
    description: "The controller's selector (matchLabels and matchExpressions) matches its own pod template's labels.",
    run: (w) => {
      const why = selectorMismatch(w.spec.selector, w.pod.labels);
      return why === undefined
        ? []
        : [
            {
              message: `${why} The controller would not own the pods it creates (the API rejects it).`,
              fix: 'Make every spec.selector.matchLabels entry also a label in spec.template.metadata.labels (e.g. both `app.kubernetes.io/name: <name>`).',
            },
          ];
    },
  },
  {
    id: 'termination-grace-period',
    family: 'workload',
    severity: 'error',
    appliesTo: 'pod',
    description: `terminationGracePeriodSeconds is set explicitly, and is at least ${MIN_GRACE_WITH_HELPERS}s when helpers run beside the app (the app drains, then helpers flush).`,
    run: (pod) => {
      const grace = int(pod.spec.terminationGracePeriodSeconds);
      const running = runningContainers(pod);
      const fix = `Set \`terminationGracePeriodSeconds\` in the pod spec (e.g. 30) to cover the app's drain plus the helpers' flush.`;
      if (grace === undefined) {
        return [{ message: 'terminationGracePeriodSeconds is not set; the default 30s is an accident, not a decision.', fix }];
      }
      if (running.length > 1 && grace < MIN_GRACE_WITH_HELPERS) {
        return [
          {
            message: `terminationGracePeriodSeconds is ${grace}s but ${running.length} containers must stop in turn (${running.map((c) => c.name).join(', ')}); helpers are killed before they flush.`,
            fix,
          },
        ];
      }
      return [];
    },
  },
];
