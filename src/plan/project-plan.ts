import { catalog } from '../i18n/catalog.js';
import { buildManifests } from '../manifests/project-manifests.js';
import { serializeManifest } from '../manifests/serialize.js';
import { validateManifests } from '../manifests/validate.js';
import { DEFAULT_BASE_IMAGE, RUN_AS_GID, RUN_AS_UID } from '../patterns/constants.js';
import { containersToBuild, describePattern } from '../patterns/index.js';
import type { ContainerSpec, PodDescription, ProjectOptions } from '../patterns/types.js';
import { patternTitle, readmeContext } from '../render/readme.js';
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
  pattern: PodDescription;
  files: PlannedFile[];
}

/** Template names map to file names: `_gitignore` -> `.gitignore`, `x.hbs` is rendered to `x`. */
function projectFiles(context: object): PlannedFile[] {
  return listTemplateFiles('project').map((rel) => {
    const path = rel.replace(/(^|\/)_/, '$1.').replace(/\.hbs$/, '');
    const content = rel.endsWith('.hbs') ? renderTemplate(`project/${rel}`, context) : readTemplate(`project/${rel}`);
    return { path, content, ...(/^scripts\/[^/]+\.mjs$/.test(path) ? { mode: 0o755 } : {}) };
  });
}

/** A container's folder (code, tests, Dockerfile), and what its process tests share, as a project holds them. */
export function containerFolderFiles(containers: ContainerSpec[], options: ProjectOptions): PlannedFile[] {
  return [...containers.flatMap((c) => containerFiles(c, options)), ...testSupportFiles()];
}

function testSupportFiles(): PlannedFile[] {
  // What every container's process tests share (they import it as ../../../test-support/).
  return listTemplateFiles('test-support').map((rel) => ({ path: `test-support/${rel}`, content: readTemplate(`test-support/${rel}`) }));
}

function containerFiles(container: ContainerSpec, options: ProjectOptions): PlannedFile[] {
  const folder = `containers/${container.template}`;
  const copied = listTemplateFiles(folder).map((rel) => ({ path: `${folder}/${rel}`, content: readTemplate(`${folder}/${rel}`) }));
  const dockerfile = renderTemplate('Dockerfile.hbs', {
    container: container.template,
    purpose: catalog(options.lang).readme.containers[container.template].purpose.replaceAll('`', ''),
    baseImage: DEFAULT_BASE_IMAGE,
    uid: RUN_AS_UID,
    gid: RUN_AS_GID,
  });
  return [...copied, { path: `${folder}/Dockerfile`, content: dockerfile }];
}

/** What the project's package.json and README are rendered from. */
function projectContext(options: ProjectOptions, pod: PodDescription) {
  const dependencies = Object.entries(
    Object.assign({}, ...containersToBuild(pod).map((c) => c.dependencies ?? {})) as Record<string, string>,
  )
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => ({ name, version }));
  return { ...options, title: patternTitle(options.lang, pod), dependencies, readme: readmeContext(options, pod) };
}

/** The whole project as files in memory; pure but for reading templates. Throws on invalid manifests. */
export function planProject(options: ProjectOptions): ProjectPlan {
  const pattern = describePattern(options);
  const manifests = buildManifests(options, pattern);
  validateManifests(manifests, options.lang);
  const files: PlannedFile[] = [
    ...projectFiles(projectContext(options, pattern)),
    ...manifests.map((m) => ({
      path: m.path,
      content: serializeManifest(m, { text: catalog(options.lang).manifests, containers: containersToBuild(pattern) }),
    })),
    ...containerFolderFiles(containersToBuild(pattern), options),
  ];
  return { options, pattern, files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
