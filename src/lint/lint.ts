/** The pure core: parsed objects in, findings out. No files, no console. */
import type { Lang } from '../i18n/lang.js';
import { buildModel, type LintInput, type PodView } from './model.js';
import { checksIn, findCheck } from './registry.js';
import type { Check, Family, Finding, Problem } from './types.js';

export interface LintOptions {
  /** Language of descriptions, messages and fixes (default English). */
  lang?: Lang;
  /** Report only these families (default all). */
  only?: readonly Family[];
}

/**
 * Pod-design findings first (they say what to split before anything else is worth fixing),
 * then the rest in the order they were found.
 */
export function podDesignFirst(findings: readonly Finding[]): Finding[] {
  const isPodDesign = (f: Finding) => findCheck(f.check)?.family === 'pod-design';
  return [...findings.filter(isPodDesign), ...findings.filter((f) => !isPodDesign(f))];
}

/**
 * Lint objects that each carry their own source (e.g. the file they came from). Services
 * are matched against the pod templates of the whole set, so lint a project's objects together.
 */
export function lintDocuments(inputs: readonly LintInput[], options: LintOptions = {}): Finding[] {
  const { only } = options;
  const checks = checksIn(options.lang).filter((c) => !only || only.includes(c.family));
  const model = buildModel(inputs);
  const findings: Finding[] = [];
  const emit = (check: Check, object: string, source: string | undefined, problems: Problem[]) => {
    for (const p of problems) {
      findings.push({
        check: check.id,
        severity: check.severity,
        object,
        ...(p.container !== undefined && { container: p.container }),
        message: p.message,
        fix: p.fix,
        ...(source !== undefined && { source }),
      });
    }
  };
  const runOnPod = (check: Check, pod: PodView) => {
    if (check.appliesTo === 'pod') emit(check, pod.object, pod.source, check.run(pod));
    if (check.appliesTo === 'container') {
      for (const c of pod.containers) {
        if (!check.containers || check.containers.includes(c.kind)) emit(check, pod.object, pod.source, check.run(c, pod));
      }
    }
  };

  for (const entry of model.entries) {
    for (const check of checks) {
      if (entry.type === 'namespace' && check.appliesTo === 'namespace') {
        emit(check, entry.view.object, entry.view.source, check.run(entry.view));
      } else if (entry.type === 'service' && check.appliesTo === 'service') {
        emit(check, entry.view.object, entry.view.source, check.run(entry.view, model.pods));
      } else if (entry.type === 'pod') {
        if (check.appliesTo === 'workload' && entry.workload) emit(check, entry.view.object, entry.view.source, check.run(entry.workload));
        runOnPod(check, entry.view);
      }
    }
  }
  return podDesignFirst(findings);
}

/** Lint parsed Kubernetes objects (kinds with nothing to check are skipped). */
export function lintObjects(objects: readonly unknown[], source?: string, options: LintOptions = {}): Finding[] {
  return lintDocuments(
    objects.map((object) => ({ object, source })),
    options,
  );
}
