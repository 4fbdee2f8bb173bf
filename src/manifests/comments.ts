import type { manifests as ManifestText } from '../i18n/en/manifests.js';
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

export function commentPoints(object: Obj, containerSpecs: readonly ContainerSpec[], t: Text): CommentPoint[] {
  switch (object.kind) {
    case 'Kustomization':
      return [{ path: ['resources'], text: t.kustomization }];
    case 'Namespace':
      return [{ path: ['metadata', 'labels'], text: t.namespaceLabels }];
    case 'Service':
      return [
        { path: ['spec', 'selector'], text: t.serviceSelector },
        { path: ['spec', 'ports'], text: t.servicePorts },
      ];
    case 'Deployment':
      return deploymentPoints(object, containerSpecs, t);
    default:
      return [];
  }
}

function deploymentPoints(deployment: Obj, containerSpecs: readonly ContainerSpec[], t: Text): CommentPoint[] {
  const template = obj(obj(deployment.spec).template);
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
  const points: CommentPoint[] = [
    { path: ['spec', 'replicas'], text: t.replicas({ replicas: Number(obj(deployment.spec).replicas ?? 1), containers: names }) },
    { path: ['spec', 'template'], text: t.podTemplate },
  ];
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
    if (list === 'containers' && names.length > 1 && main !== undefined && name !== main)
      points.push({ path: at, text: t.classicSidecar({ name }) });
    const spec = containerSpecs.find((s) => s.name === name);
    const loopback = objs(c.ports).find((p) => spec?.ports.some((s) => s.containerPort === p.containerPort && s.scope === 'loopback'));
    if (loopback)
      points.push({ path: [...at, 'ports'], text: t.loopbackPort({ port: Number(loopback.containerPort), name: String(loopback.name) }) });
    else if (c.ports && names.length > 1 && first('ports')) points.push({ path: [...at, 'ports'], text: t.ports });
    if (c.env && first('env')) points.push({ path: [...at, 'env'], text: t.env });
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
    points.push({
      path: ['spec', 'template', 'spec', 'volumes', i],
      text: t.volumes({ name: String(v.name), containers, sizeLimit: String(obj(v.emptyDir).sizeLimit) }),
    });
  });
  return points;
}
