/**
 * What the checks look at: parsed Kubernetes objects read defensively (a linter must not
 * crash on a wrong shape) into small views: pod templates with every container,
 * controllers with their selector, Services and Namespaces.
 */

export type Obj = Record<string, unknown>;

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
/** The object itself, or an empty one when it is absent or not an object. */
export function rec(x: unknown): Obj {
  return isObj(x) ? x : {};
}
/** The objects of an array; anything else is treated as an empty list. */
export function list(x: unknown): Obj[] {
  return Array.isArray(x) ? x.filter(isObj) : [];
}
export function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}
export function int(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isInteger(x) ? x : undefined;
}
export function bool(x: unknown): boolean | undefined {
  return typeof x === 'boolean' ? x : undefined;
}
export function stringMap(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec(x))) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * `container`: an entry of `containers`; `init`: a regular init container (runs to
 * completion before the others); `sidecar`: a native sidecar (init container with
 * `restartPolicy: Always`, runs beside the app); `ephemeral`: a debug container.
 */
export type ContainerKind = 'container' | 'init' | 'sidecar' | 'ephemeral';

export interface PortView {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  protocol: string;
}

export interface ContainerView {
  name: string;
  kind: ContainerKind;
  /** The container as written. */
  spec: Obj;
  image?: string;
  ports: PortView[];
  securityContext: Obj;
  requests: Obj;
  limits: Obj;
  volumeMounts: Obj[];
}

export interface PodView {
  /** `Kind/name` of the object that owns the pod template. */
  object: string;
  kind: string;
  name: string;
  namespace?: string;
  source?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: Obj;
  securityContext: Obj;
  volumes: Obj[];
  containers: ContainerView[];
}

export interface WorkloadView {
  object: string;
  kind: string;
  name: string;
  source?: string;
  spec: Obj;
  /** Whether the kind has `spec.replicas` (DaemonSets do not). */
  scalable: boolean;
  pod: PodView;
}

export interface ServiceView {
  object: string;
  name: string;
  namespace?: string;
  source?: string;
  spec: Obj;
}

export interface NamespaceView {
  object: string;
  name: string;
  source?: string;
  labels: Record<string, string>;
}

export interface LintInput {
  object: unknown;
  source?: string;
}

export interface Model {
  /** In input order, so findings come out in the order the objects were written. */
  entries: ModelEntry[];
  pods: PodView[];
}

export type ModelEntry =
  | { type: 'namespace'; view: NamespaceView }
  | { type: 'service'; view: ServiceView }
  | { type: 'pod'; view: PodView; workload?: WorkloadView };

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);
const CONTROLLERS = new Set([...SCALABLE, 'DaemonSet']);
const TEMPLATED = new Set([...CONTROLLERS, 'Job', 'ReplicationController']);

export function objectName(kind: string, raw: Obj): string {
  return `${kind}/${str(rec(raw.metadata).name) ?? '<unnamed>'}`;
}

/** The pod template of any pod-making kind, or undefined for other kinds. */
function podTemplate(kind: string, raw: Obj): { metadata: Obj; spec: Obj } | undefined {
  const spec = rec(raw.spec);
  if (kind === 'Pod') return { metadata: rec(raw.metadata), spec };
  if (TEMPLATED.has(kind)) return { metadata: rec(rec(spec.template).metadata), spec: rec(rec(spec.template).spec) };
  if (kind === 'CronJob') {
    const template = rec(rec(rec(spec.jobTemplate).spec).template);
    return { metadata: rec(template.metadata), spec: rec(template.spec) };
  }
  return undefined;
}

function portView(p: Obj): PortView {
  return { name: str(p.name), containerPort: int(p.containerPort), hostPort: int(p.hostPort), protocol: str(p.protocol) ?? 'TCP' };
}

function containerView(raw: Obj, kind: ContainerKind, index: number): ContainerView {
  const resources = rec(raw.resources);
  return {
    name: str(raw.name) ?? `#${index}`,
    kind,
    spec: raw,
    image: str(raw.image),
    ports: list(raw.ports).map(portView),
    securityContext: rec(raw.securityContext),
    requests: rec(resources.requests),
    limits: rec(resources.limits),
    volumeMounts: list(raw.volumeMounts),
  };
}

/** A StatefulSet's volumeClaimTemplates become volumes of each pod, each a PersistentVolumeClaim of its own. */
function claimVolumes(kind: string, raw: Obj): Obj[] {
  if (kind !== 'StatefulSet') return [];
  return list(rec(raw.spec).volumeClaimTemplates).map((t) => {
    const name = str(rec(t.metadata).name);
    return { name, persistentVolumeClaim: { claimName: `${name}-${str(rec(raw.metadata).name) ?? '<unnamed>'}` } };
  });
}

function podView(kind: string, raw: Obj, template: { metadata: Obj; spec: Obj }, source?: string): PodView {
  const metadata = rec(raw.metadata);
  const { spec } = template;
  const containers = [
    ...list(spec.initContainers).map((c, i) => containerView(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', i)),
    ...list(spec.containers).map((c, i) => containerView(c, 'container', i)),
    ...list(spec.ephemeralContainers).map((c, i) => containerView(c, 'ephemeral', i)),
  ];
  return {
    object: objectName(kind, raw),
    kind,
    name: str(metadata.name) ?? '<unnamed>',
    namespace: str(metadata.namespace),
    source,
    labels: stringMap(template.metadata.labels),
    annotations: stringMap(template.metadata.annotations),
    spec,
    securityContext: rec(spec.securityContext),
    volumes: [...list(spec.volumes), ...claimVolumes(kind, raw)],
    containers,
  };
}

/** Sort parsed objects into views; kinds the linter has nothing to say about are skipped. */
export function buildModel(inputs: readonly LintInput[]): Model {
  const entries: ModelEntry[] = [];
  for (const { object, source } of inputs) {
    if (!isObj(object)) continue;
    const kind = str(object.kind);
    if (!kind) continue;
    if (kind === 'List') {
      // `kubectl get -o yaml` output wraps objects in a List.
      entries.push(...buildModel(list(object.items).map((item) => ({ object: item, source }))).entries);
      continue;
    }
    const metadata = rec(object.metadata);
    if (kind === 'Namespace') {
      entries.push({
        type: 'namespace',
        view: { object: objectName(kind, object), name: str(metadata.name) ?? '<unnamed>', source, labels: stringMap(metadata.labels) },
      });
      continue;
    }
    if (kind === 'Service') {
      entries.push({
        type: 'service',
        view: {
          object: objectName(kind, object),
          name: str(metadata.name) ?? '<unnamed>',
          namespace: str(metadata.namespace),
          source,
          spec: rec(object.spec),
        },
      });
      continue;
    }
    const template = podTemplate(kind, object);
    if (!template) continue;
    const pod = podView(kind, object, template, source);
    const workload: WorkloadView | undefined = CONTROLLERS.has(kind)
      ? { object: pod.object, kind, name: pod.name, source, spec: rec(object.spec), scalable: SCALABLE.has(kind), pod }
      : undefined;
    entries.push({ type: 'pod', view: pod, workload });
  }
  return { entries, pods: entries.flatMap((e) => (e.type === 'pod' ? [e.view] : [])) };
}

/** Containers that run at the same time as the app and so share its ports and lifetime. */
export function runningContainers(pod: PodView): ContainerView[] {
  return pod.containers.filter((c) => c.kind === 'container' || c.kind === 'sidecar');
}

/** Whether a Service-style selector (a plain label map) picks a pod with these labels. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** The pod's security context, then each container's, for settings allowed at both levels. */
export function securityContexts(pod: PodView): { container?: string; context: Obj }[] {
  return [{ context: pod.securityContext }, ...pod.containers.map((c) => ({ container: c.name, context: c.securityContext }))];
}
