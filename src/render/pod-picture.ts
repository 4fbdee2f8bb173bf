import { catalog } from '../i18n/catalog.js';
import type { PodDescription, ProjectOptions } from '../patterns/types.js';

/** One container reaching another over the pod's shared localhost, as its environment says. */
export interface LocalhostUse {
  from: string;
  to: string;
  url: string;
}

const LOOPBACK_URL = /^(?:[a-z]+:\/\/)?(?:127\.0\.0\.1|localhost):(\d+)\S*$/;

/** Read from the env the manifest sets: a value naming 127.0.0.1:<port> that another container of the pod binds. */
export function localhostUses(pod: PodDescription): LocalhostUse[] {
  return pod.containers.flatMap((from) =>
    Object.values(from.env).flatMap((value) => {
      const port = Number(LOOPBACK_URL.exec(value)?.[1]);
      const to = pod.containers.find((c) => c !== from && c.ports.some((p) => p.containerPort === port));
      return to ? [{ from: from.name, to: to.name, url: value }] : [];
    }),
  );
}

/** A Mermaid picture of the pod, drawn from its description (GitHub renders it). */
export function podPicture(pod: PodDescription, options: ProjectOptions): string {
  const t = catalog(options.lang).readme.picture;
  const id = (s: string) => s.replace(/[^a-zA-Z0-9]/g, '_');
  const main = pod.containers.find((c) => c.ports.some((p) => p.service)) ?? pod.containers[0]!;
  const lines = ['flowchart LR'];
  lines.push(`  client([${t.client}]) -->|"${t.service({ name: options.name })}"| ${id(main.name)}`);
  lines.push(`  subgraph pod["${t.pod({ name: options.name, sharesVolumes: pod.volumes.length > 0 })}"]`);
  for (const c of pod.containers) {
    const ports = c.ports.map((p) => `${p.scope === 'loopback' ? '127.0.0.1:' : ':'}${p.containerPort}`).join(' ');
    lines.push(`    ${id(c.name)}["${c.name}${ports ? ` ${ports}` : ''}"]`);
  }
  for (const v of pod.volumes) lines.push(`    ${id(v.name)}[("emptyDir ${v.name}")]`);
  lines.push('  end');
  for (const v of pod.volumes)
    for (const c of pod.containers)
      for (const m of c.mounts.filter((m) => m.volume === v.name)) lines.push(`  ${id(c.name)} ---|"${m.mountPath}"| ${id(v.name)}`);
  for (const use of localhostUses(pod)) lines.push(`  ${id(use.from)} -->|"${use.url}"| ${id(use.to)}`);
  const companions = new Map(pod.companions.map((c) => [c.suffix, c]));
  const inPod = new Set(pod.containers.map((c) => c.name));
  const node = (name: string) => {
    const companion = companions.get(name);
    if (companion) return `${id(name)}["${options.name}-${name} :${companion.container.ports[0]?.containerPort}"]`;
    return inPod.has(name) ? id(name) : `${id(name)}([${name}])`;
  };
  for (const edge of pod.containers.flatMap((c) => c.docs?.edges ?? [])) {
    lines.push(`  ${node(edge.from)} -->${edge.label ? `|"${edge.label}"|` : ''} ${node(edge.to)}`);
  }
  return lines.join('\n');
}
