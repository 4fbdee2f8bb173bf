import type { manifests as ManifestText } from '../i18n/en/manifests.js';
import { DATA_DIR } from '../lint/main-services.js';
import type { ContainerSpec } from '../patterns/types.js';

/**
 * Where the generated YAML explains itself: a comment before a key (`path` ends in its name)
 * or before an item of a list (`path` ends in its index). Pure: it reads the object as it will
 * be written, and the pattern's containers for what YAML cannot say (a port bound to loopback).
 */
export interface CommentPoint {
  path: (string | number)[];
  text: string;
}

type Text = typeof ManifestText;
type Obj = Record<string, unknown>;

const obj = (x: unknown): Obj => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : {});
const objs = (x: unknown): Obj[] => (Array.isArray(x) ? x.map(obj) : []);
const SCRAPE = 'prometheus.io/scrape';

/** What a comment may say beyond the object itself. */
export interface CommentContext {
  /** Every container the project describes: what YAML alone cannot say about them. */
  containers: readonly ContainerSpec[];
  /** The names of the Services the project creates: an env value naming one is a teaching point. */
  services: readonly string[];
  /** The folder of the file (`k8s`), for the commands that apply it. */
  folder: string;
}

export function commentPoints(object: Obj, context: CommentContext, t: Text): CommentPoint[] {
  switch (object.kind) {
    case 'Kustomization':
      return [{ path: ['resources'], text: t.kustomization({ folder: context.folder }) }];
    case 'Namespace':
      return [{ path: ['metadata', 'labels'], text: t.namespaceLabels }];
    case 'Service':
      return [
        ...(obj(object.spec).clusterIP === 'None' ? [{ path: ['spec', 'clusterIP'], text: t.headlessService }] : []),
        { path: ['spec', 'selector'], text: t.serviceSelector },
        { path: ['spec', 'ports'], text: t.servicePorts },
      ];
    case 'Deployment':
      return workloadPoints(object, context, t);
    case 'StatefulSet':
      return [
        ...workloadPoints(object, context, t),
        { path: ['spec', 'serviceName'], text: t.statefulSetServiceName({ service: String(obj(object.spec).serviceName) }) },
        {
          path: ['spec', 'volumeClaimTemplates'],
          text: t.volumeClaimTemplates({
            claims: objs(obj(object.spec).volumeClaimTemplates).map(
              (c) => `${String(obj(c.metadata).name)}-${String(obj(object.metadata).name)}-0`,
            ),
          }),
        },
      ];
    default:
      return [];
  }
}

/** An env value that reaches another workload by its Service's name (`http://shop-app:80`): the host is the name. */
function serviceNamed(value: unknown, services: readonly string[]): string | undefined {
  // An address has a scheme or a port; a bare word (SERVICE_NAME=shop) is a name, not an address.
  const match = /^(?:([a-z]+):\/\/)?([a-z0-9-]+)(?::(\d+))?(?:\/|$)/.exec(String(value));
  if (!match || (match[1] === undefined && match[3] === undefined)) return undefined;
  return services.includes(match[2]) ? match[2] : undefined;
}

function workloadPoints(workload: Obj, context: CommentContext, t: Text): CommentPoint[] {
  const containerSpecs = context.containers;
  const template = obj(obj(workload.spec).template);
  const pod = obj(template.spec);
  const annotations = obj(obj(template.metadata).annotations);
  const lists = (['initContainers', 'containers'] as const).flatMap((list) =>
    objs(pod[list]).map((c, i) => ({ c, at: ['spec', 'template', 'spec', list, i], list })),
  );
  // Named as a reader counts them: the app containers first, then the native sidecars.
  const names = [...lists.filter((l) => l.list === 'containers'), ...lists.filter((l) => l.list === 'initContainers')].map(({ c }) =>
    String(c.name),
  );
  const main = annotations['kubectl.kubernetes.io/default-container'];
  const replicas = Number(obj(workload.spec).replicas ?? 1);
  // Main services (not helpers) side by side in one pod: the mistake the anti-pattern project shows.
  const mains = lists
    .filter(({ c, list }) => list === 'containers' && containerSpecs.find((s) => s.name === c.name)?.role === 'main')
    .map(({ c }) => String(c.name));
  const stateful = (v: Obj) =>
    lists.some(({ c }) => objs(c.volumeMounts).some((m) => m.name === v.name && DATA_DIR.test(String(m.mountPath))));
  const points: CommentPoint[] = [
    {
      path: ['spec', 'replicas'],
      text:
        mains.length > 1
          ? t.replicasOfEverything({ replicas, containers: mains })
          : workload.kind === 'StatefulSet'
            ? t.replicasOfDatabase({ replicas })
            : t.replicas({ replicas, containers: names }),
    },
    { path: ['spec', 'template'], text: t.podTemplate },
  ];
  if (mains.length > 1)
    points.push({ path: ['spec', 'template', 'spec', 'containers'], text: t.mainServicesInOnePod({ containers: mains }) });
  if (annotations[SCRAPE] === 'true') {
    points.push({
      path: ['spec', 'template', 'metadata', 'annotations'],
      text: t.scrapeAnnotations({
        port: String(annotations['prometheus.io/port']),
        path: String(annotations['prometheus.io/path'] ?? '/metrics'),
      }),
    });
  }
  if (pod.securityContext) points.push({ path: ['spec', 'template', 'spec', 'securityContext'], text: t.podSecurityContext });

  // The points every container has are explained once, at their first occurrence.
  const once = new Set<string>();
  const first = (key: string) => !once.has(key) && once.add(key);
  for (const { c, at, list } of lists) {
    const name = String(c.name);
    if (list === 'initContainers' && c.restartPolicy === 'Always')
      points.push({ path: [...at, 'restartPolicy'], text: t.nativeSidecar({ name }) });
    if (list === 'containers' && names.length > 1 && main !== undefined && name !== main && !mains.includes(name))
      points.push({ path: at, text: t.classicSidecar({ name }) });
    const spec = containerSpecs.find((s) => s.name === name);
    const loopback = objs(c.ports).find((p) => spec?.ports.some((s) => s.containerPort === p.containerPort && s.scope === 'loopback'));
    if (loopback)
      points.push({ path: [...at, 'ports'], text: t.loopbackPort({ port: Number(loopback.containerPort), name: String(loopback.name) }) });
    else if (c.ports && names.length > 1 && first('ports')) points.push({ path: [...at, 'ports'], text: t.ports });
    const named = objs(c.env).flatMap((e) => {
      const service = serviceNamed(e.value, context.services);
      return service ? [t.envServiceName({ variable: String(e.name), service })] : [];
    });
    if (c.env && (first('env') || named.length)) points.push({ path: [...at, 'env'], text: [t.env, ...named].join('\n') });
    if (c.resources && first('resources'))
      points.push({ path: [...at, 'resources'], text: t.resources({ memory: String(obj(obj(c.resources).limits).memory) }) });
    if (c.securityContext && first('securityContext')) points.push({ path: [...at, 'securityContext'], text: t.securityContext });
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) {
      if (c[probe] && first(probe)) points.push({ path: [...at, probe], text: t[probe] });
    }
    for (const mount of objs(c.volumeMounts)) {
      const others = lists
        .filter((o) => o.c !== c && objs(o.c.volumeMounts).some((m) => m.name === mount.name))
        .map((o) => String(o.c.name));
      if (first(`mount ${name} ${String(mount.name)}`))
        points.push({ path: [...at, 'volumeMounts'], text: t.volumeMount({ volume: String(mount.name), others }) });
    }
  }
  objs(pod.volumes).forEach((v, i) => {
    const containers = lists.filter(({ c }) => objs(c.volumeMounts).some((m) => m.name === v.name)).map(({ c }) => String(c.name));
    const facts = { name: String(v.name), containers, sizeLimit: String(obj(v.emptyDir).sizeLimit) };
    // A database's data on an emptyDir: it is deleted with the pod, by any rollout or eviction.
    points.push({
      path: ['spec', 'template', 'spec', 'volumes', i],
      text: v.emptyDir && stateful(v) ? t.dataOnEmptyDir(facts) : t.volumes(facts),
    });
  });
  return points;
}
