/**
 * What stops a helper from joining a pod. The containers of one pod share one network
 * namespace and one set of volume names, so a port or a name is taken pod-wide.
 */
import type { HelperPart } from '../patterns/types.js';
import { imageIsOf, mainContainer, podContainers } from './pod-facts.js';
import { AddRefusal } from './refusal.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed manifest of any shape, read defensively field by field
type Obj = Record<string, any>;

export function assertHelpersFit(deployment: Obj, parts: HelperPart[]): void {
  const containers = podContainers(deployment).map((c) => c.container ?? {});
  const main = mainContainer(deployment);
  if (!main) throw new AddRefusal({ code: 'noAppContainer', deployment: String(deployment?.metadata?.name) });
  const app = main.container;
  const pod = deployment.spec.template;
  for (const part of parts) {
    const spec = part.container;
    const same = containers.find((c) => imageIsOf(c.image, spec.template) && c.name !== app.name);
    if (same) throw new AddRefusal({ code: 'helperPresent', helper: part.helper, container: String(same.name), image: String(same.image) });
    const named = containers.find((c) => c.name === spec.name);
    if (named) throw new AddRefusal({ code: 'nameTaken', name: spec.name, image: String(named.image ?? '') });
    for (const port of spec.ports) {
      const holder = containers.find((c) => (c.ports ?? []).some((p: Obj) => Number(p?.containerPort) === port.containerPort));
      if (holder) throw new AddRefusal({ code: 'portTaken', port: port.containerPort, container: String(holder.name), helper: spec.name });
    }
    for (const volume of part.volumes) {
      if ((pod.spec.volumes ?? []).some((v: Obj) => v?.name === volume.name))
        throw new AddRefusal({ code: 'volumeTaken', volume: volume.name, helper: spec.name });
    }
    for (const mount of part.app.mounts) {
      const held = (app.volumeMounts ?? []).find((m: Obj) => m?.mountPath === mount.mountPath);
      if (held)
        throw new AddRefusal({ code: 'mountPathTaken', path: mount.mountPath, container: String(app.name), volume: String(held.name) });
    }
    for (const [name, value] of Object.entries(part.app.env)) {
      const held = (app.env ?? []).find((e: Obj) => e?.name === name);
      if (held && held.value !== value)
        throw new AddRefusal({ code: 'envTaken', name, container: String(app.name), value: String(held.value ?? ''), wanted: value });
    }
    for (const [key, value] of Object.entries(part.annotations)) {
      const held = pod.metadata?.annotations?.[key];
      if (held !== undefined && held !== value) throw new AddRefusal({ code: 'annotationTaken', key, value: String(held), wanted: value });
    }
  }
}
