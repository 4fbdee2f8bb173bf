/** What `add` reads from an existing Deployment to describe its helpers as the generator would. */
import { HELPER_NAMES, HELPERS, sampleOptions } from '../patterns/index.js';
import type { HelperName, ProjectOptions } from '../patterns/types.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed manifest of any shape, read defensively field by field
type Obj = Record<string, any>;
export type ContainerList = 'initContainers' | 'containers';

export interface PodContainer {
  list: ContainerList;
  index: number;
  container: Obj;
}

export const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

export function podContainers(deployment: Obj): PodContainer[] {
  const spec = deployment?.spec?.template?.spec ?? {};
  return (['initContainers', 'containers'] as const).flatMap((list) =>
    (Array.isArray(spec[list]) ? spec[list] : []).map((container: Obj, index: number) => ({ list, index, container })),
  );
}

/** The app: the container the default-container annotation names, else the first of `containers`. */
export function mainContainer(deployment: Obj): PodContainer | undefined {
  const named = deployment?.spec?.template?.metadata?.annotations?.[DEFAULT_CONTAINER];
  const mains = podContainers(deployment).filter((c) => c.list === 'containers');
  return mains.find((c) => c.container?.name === named) ?? mains[0];
}

const isNativeSidecar = (c: PodContainer) => c.list === 'initContainers' && c.container?.restartPolicy === 'Always';

/** An image built from a container folder of ours: `<prefix><name>-<template>:<tag>`. */
export function imageIsOf(image: unknown, template: string): boolean {
  const repo = String(image ?? '').replace(/[@:][^/]*$/, '');
  return repo === template || repo.endsWith(`-${template}`) || repo.endsWith(`/${template}`);
}

/** The helpers the pod already holds (by our containers' names and images). */
export function helpersIn(deployment: Obj): HelperName[] {
  const containers = podContainers(deployment);
  return HELPER_NAMES.filter((h) => {
    const spec = HELPERS[h](sampleOptions()).container;
    return containers.some((c) => c.container?.name === spec.name && imageIsOf(c.container?.image, spec.template));
  });
}

export interface Choices {
  lang: ProjectOptions['lang'];
  sidecarMode?: ProjectOptions['sidecarMode'];
  target?: ProjectOptions['target'];
}

/**
 * The options the generator would have had for this pod: its name and namespace, the app's
 * first port, the image prefix of the app's image, and the sidecar mode: as asked, else as the
 * pod's helpers already run (native or classic), else classic for podman, else native.
 */
export function optionsOf(deployment: Obj, helpers: HelperName[], choices: Choices): ProjectOptions {
  const name = String(deployment?.metadata?.name ?? 'app');
  const main = mainContainer(deployment)?.container ?? {};
  const port = Number(main.ports?.[0]?.containerPort) || 8080;
  const prefix = /^(.*?)[^/]*-app:[^/]*$/.exec(String(main.image ?? ''));
  const containers = podContainers(deployment);
  const present = containers.some(isNativeSidecar)
    ? 'native'
    : containers.filter((c) => c.list === 'containers').length > 1
      ? 'classic'
      : undefined;
  const sidecarMode = choices.sidecarMode ?? present ?? (choices.target === 'podman' ? 'classic' : 'native');
  const namespace = deployment?.metadata?.namespace;
  return sampleOptions({
    lang: choices.lang,
    name,
    port,
    replicas: Number(deployment?.spec?.replicas ?? 1),
    sidecarMode,
    target: choices.target ?? 'kind',
    imagePrefix: prefix ? prefix[1]! : 'local/',
    pattern: helpers.length ? helpers.join(',') : 'singleton',
    ...(namespace ? { namespace: String(namespace) } : {}),
  });
}
