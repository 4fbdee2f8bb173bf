import { catalog } from '../i18n/catalog.js';
import { buildManifests } from '../manifests/project-manifests.js';
import { imageName } from '../manifests/container.js';
import { serializeManifest } from '../manifests/serialize.js';
import { validateManifests } from '../manifests/validate.js';
import { DEFAULT_BASE_IMAGE, RUN_AS_GID, RUN_AS_UID } from '../patterns/constants.js';
import { describePattern } from '../patterns/index.js';
import type { ContainerSpec, PodSpecPlan, ProjectOptions } from '../patterns/types.js';
import { podPicture } from '../render/pod-picture.js';
import { listTemplateFiles, readTemplate, renderTemplate } from '../render/templates.js';

export interface PlannedFile {
  /** Relative to the project folder, '/'-separated. */
  path: string;
  content: string;
  /** Scripts are executable. */
  mode?: number;
}

export interface ProjectPlan {
  options: ProjectOptions;
  pattern: PodSpecPlan;
  files: PlannedFile[];
}

/** Every container folder the project needs: the pod's and its companions', once each. */
function containerFolders(pattern: PodSpecPlan): ContainerSpec[] {
  const all = [...pattern.containers, ...pattern.companions.map((c) => c.container)];
  return all.filter((c, i) => all.findIndex((o) => o.template === c.template) === i);
}

/** Template names map to file names: `_gitignore` -> `.gitignore`, `x.hbs` is rendered to `x`. */
function projectFiles(context: object): PlannedFile[] {
  return listTemplateFiles('project').map((rel) => {
    const path = rel.replace(/(^|\/)_/, '$1.').replace(/\.hbs$/, '');
    const content = rel.endsWith('.hbs') ? renderTemplate(`project/${rel}`, context) : readTemplate(`project/${rel}`);
    return { path, content, ...(/^scripts\/[^/]+\.mjs$/.test(path) ? { mode: 0o755 } : {}) };
  });
}

function containerFiles(container: ContainerSpec): PlannedFile[] {
  const folder = `containers/${container.template}`;
  const copied = listTemplateFiles(folder).map((rel) => ({ path: `${folder}/${rel}`, content: readTemplate(`${folder}/${rel}`) }));
  const dockerfile = renderTemplate('Dockerfile.hbs', {
    container: container.template,
    purpose: container.purpose,
    baseImage: DEFAULT_BASE_IMAGE,
    uid: RUN_AS_UID,
    gid: RUN_AS_GID,
  });
  return [...copied, { path: `${folder}/Dockerfile`, content: dockerfile }];
}

function docsContext(options: ProjectOptions, pattern: PodSpecPlan) {
  const describe = (c: ContainerSpec, owner: string) => ({
    ...c,
    owner,
    image: imageName(options, c),
    envList: Object.entries(c.env).map(([name, value]) => ({ name, value })),
    portList: c.ports.map((p) => `${p.scope === 'loopback' ? '127.0.0.1' : '0.0.0.0'}:${p.containerPort} (${p.name})`).join(', '),
  });
  return {
    ...options,
    namespace: options.namespace ?? '',
    title: pattern.title,
    summary: pattern.summary,
    picture: podPicture(pattern, options),
    containers: pattern.containers.map((c) => describe(c, options.name)),
    companions: pattern.companions.map((c) => describe(c.container, `${options.name}-${c.suffix}`)),
    volumes: pattern.volumes,
    hasHelpers: pattern.containers.some((c) => c.role === 'helper'),
    usesPromClient: pattern.pattern === 'adapter',
    namespaceFlag: options.namespace ? ` -n ${options.namespace}` : '',
    ...patternFacts(pattern),
  };
}

/** Values the README quotes, read from the pattern description rather than restated. */
function patternFacts(pattern: PodSpecPlan) {
  const env = (name: string) => pattern.containers.find((c) => c.name === name)?.env ?? {};
  const maxBytes = Number(env('app').ACCESS_LOG_MAX_BYTES ?? 0);
  return {
    upstreamUrl: env('app').UPSTREAM_URL ?? '',
    metricsPort: env('adapter').LISTEN_PORT ?? '',
    metricsPath: env('adapter').METRICS_PATH ?? '',
    rotateAt: maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MiB` : `${maxBytes} bytes`,
  };
}

/** The whole project as files in memory; pure but for reading templates. Throws on invalid manifests. */
export function planProject(options: ProjectOptions): ProjectPlan {
  const pattern = describePattern(options);
  const manifests = buildManifests(options, pattern);
  const allContainers = [...pattern.containers, ...pattern.companions.map((c) => c.container)];
  validateManifests(manifests);
  const files: PlannedFile[] = [
    ...projectFiles(docsContext(options, pattern)),
    ...manifests.map((m) => ({ path: m.path, content: serializeManifest(m, { text: catalog(options.lang).manifests, containers: allContainers }) })),
    ...containerFolders(pattern).flatMap(containerFiles),
  ];
  return { options, pattern, files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
