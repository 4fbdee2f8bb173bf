/**
 * The linter's vocabulary: what a finding is, and what a check is. Checks are data
 * (`{ id, description, appliesTo, run }`) so the registry can be listed, documented
 * and tested as a whole; their words come from the catalog of the reader's language
 * (src/i18n/<lang>/lint.ts), keyed by check id.
 */
import type { FAMILIES } from './limits.js';
import type { ContainerKind, ContainerView, NamespaceView, PodView, ServiceView, WorkloadView } from './model.js';
import type { LintText } from './text.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable kebab-case id of the check (or `yaml-syntax` from the loader). */
  check: string;
  severity: Severity;
  /** `Kind/name`, e.g. `Deployment/web`. */
  object: string;
  container?: string;
  /** What is wrong. */
  message: string;
  /** How to mend it. */
  fix: string;
  /** Where the object came from (a file path), when known. */
  source?: string;
}

/** What a check reports; the engine adds the check id, severity, object and source. */
export interface Problem {
  message: string;
  fix: string;
  container?: string;
}

export type Family = (typeof FAMILIES)[number];

/** Every check id has its words in the catalog, so an id without them does not compile. */
export type CheckId = keyof LintText['checks'];

interface CheckBase {
  id: CheckId;
  family: Family;
  severity: Severity;
  /** One sentence, in the reader's language: what the check requires and why. */
  description: string;
}

/** Runs once per container of every pod template (containers, init, native sidecars, ephemeral). */
export interface ContainerCheck extends CheckBase {
  appliesTo: 'container';
  /** Which kinds of container the check concerns; all when absent. */
  containers?: readonly ContainerKind[];
  run(container: ContainerView, pod: PodView): Problem[];
}

/** Runs once per pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod). */
export interface PodCheck extends CheckBase {
  appliesTo: 'pod';
  run(pod: PodView): Problem[];
}

/** Runs once per controller with a selector and replicas (Deployment, StatefulSet, ReplicaSet, DaemonSet). */
export interface WorkloadCheck extends CheckBase {
  appliesTo: 'workload';
  run(workload: WorkloadView): Problem[];
}

/** Runs once per Service, with every pod template of the input set to match against. */
export interface ServiceCheck extends CheckBase {
  appliesTo: 'service';
  run(service: ServiceView, pods: readonly PodView[]): Problem[];
}

export interface NamespaceCheck extends CheckBase {
  appliesTo: 'namespace';
  run(namespace: NamespaceView): Problem[];
}

export type Check = ContainerCheck | PodCheck | WorkloadCheck | ServiceCheck | NamespaceCheck;
