/** Workload: how the controller finds, counts and stops its pods. */
import { MIN_GRACE_WITH_HELPERS } from '../limits.js';
import { int, list, rec, str, strings, stringMap, runningContainers } from '../model.js';
import { lintText, type LintText } from '../text.js';
import type { Check } from '../types.js';

/** Why a label selector does not pick the pod template's labels, or undefined when it does. */
export function selectorMismatch(selector: unknown, labels: Record<string, string>, t: LintText = lintText('en')): string | undefined {
  const say = t.checks['mismatching-selector'];
  const matchLabels = stringMap(rec(selector).matchLabels);
  const expressions = list(rec(selector).matchExpressions);
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return say.empty;
  for (const [key, value] of Object.entries(matchLabels)) {
    if (labels[key] !== value) {
      return labels[key] === undefined
        ? say.labelMissing({ label: `${key}=${value}` })
        : say.labelDiffers({ label: `${key}=${value}`, actual: `${key}=${labels[key]}` });
    }
  }
  for (const e of expressions) {
    const key = str(e.key) ?? '';
    const values = strings(e.values);
    const has = labels[key] !== undefined;
    const ok =
      e.operator === 'In'
        ? has && values.includes(labels[key]!)
        : e.operator === 'NotIn'
          ? !has || !values.includes(labels[key]!)
          : e.operator === 'Exists'
            ? has
            : e.operator === 'DoesNotExist'
              ? !has
              : false;
    if (!ok) return say.expression({ expression: `${key} ${String(e.operator)} [${values.join(', ')}]` });
  }
  return undefined;
}

export function workloadChecks(t: LintText): Check[] {
  const { checks } = t;
  return [
    {
      id: 'unset-replicas',
      family: 'workload',
      severity: 'error',
      appliesTo: 'workload',
      description: checks['unset-replicas'].description,
      run: (w) => {
        const say = checks['unset-replicas'];
        return !w.scalable || int(w.spec.replicas) !== undefined ? [] : [{ message: say.message, fix: say.fix }];
      },
    },
    {
      id: 'mismatching-selector',
      family: 'workload',
      severity: 'error',
      appliesTo: 'workload',
      description: checks['mismatching-selector'].description,
      run: (w) => {
        const say = checks['mismatching-selector'];
        const why = selectorMismatch(w.spec.selector, w.pod.labels, t);
        return why === undefined ? [] : [{ message: say.message({ why }), fix: say.fix }];
      },
    },
    {
      id: 'termination-grace-period',
      family: 'workload',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['termination-grace-period'].description,
      run: (pod) => {
        const say = checks['termination-grace-period'];
        const grace = int(pod.spec.terminationGracePeriodSeconds);
        const running = runningContainers(pod);
        if (grace === undefined) return [{ message: say.unset, fix: say.fix }];
        if (running.length > 1 && grace < MIN_GRACE_WITH_HELPERS) {
          return [
            { message: say.short({ grace, count: running.length, containers: running.map((c) => c.name).join(', ') }), fix: say.fix },
          ];
        }
        return [];
      },
    },
  ];
}
