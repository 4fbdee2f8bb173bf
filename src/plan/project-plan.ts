import { catalog } from '../i18n/catalog.js';
import type { Lang } from '../i18n/lang.js';
import { Model } from '@kubernetes-models/base';
import { buildDesignManifests, buildManifests, type ManifestFile } from '../manifests/project-manifests.js';
import { serializeManifest } from '../manifests/serialize.js';
import { validateManifests } from '../manifests/validate.js';
import { DEFAULT_BASE_IMAGE, RUN_AS_GID, RUN_AS_UID } from '../patterns/constants.js';
import { containersToBuild, describeProject } from '../patterns/index.js';
import type { ContainerSpec, LessonDescription, PodDescription, ProjectOptions, TextArea } from '../patterns/types.js';
import { lessonReadmeContext } from '../render/lesson-readme.js';
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
  /** One pod, or a lesson's designs (their folders, the one the project runs first). */
  designs: string[];
  /** The containers the project runs, as a request meets them (the report names them). */
  containers: ContainerSpec[];
  files: PlannedFile[];
}

/**
 * Template names map to file names: `_gitignore` -> `.gitignore`, `x.hbs` is rendered to `x`.
 * The files of an overlay folder (templates/<overlay>/) are laid over templates/project/: a
 * file at the same path replaces the project's.
 */
function projectFiles(context: object, overlay?: string): PlannedFile[] {
  const sources = new Map<string, string>();
  for (const folder of ['project', ...(overlay ? [overlay] : [])])
    for (const rel of listTemplateFiles(folder)) sources.set(rel.replace(/(^|\/)_/, '$1.').replace(/\.hbs$/, ''), `${folder}/${rel}`);
  return [...sources].map(([path, source]) => ({
    path,
    content: source.endsWith('.hbs') ? renderTemplate(source, context) : readTemplate(source),
    ...(/^scripts\/[^/]+\.mjs$/.test(path) ? { mode: 0o755 } : {}),
  }));
}

/** A container's folder (code, tests, Dockerfile), the code every container shares, and what their process tests share, as a project holds them. */
export function containerFolderFiles(containers: ContainerSpec[], options: ProjectOptions): PlannedFile[] {
  // shared/: the code every container repeats, once; test-support/: what their process tests share.
  // Both are imported as ../../../<folder>/ and copied as they are.
  return [...containers.flatMap((c) => containerFiles(c, options)), ...verbatimFolder('shared'), ...verbatimFolder('test-support')];
}

/** A folder of templates/ copied into the project under the same name. */
function verbatimFolder(folder: string): PlannedFile[] {
  return listTemplateFiles(folder).map((rel) => ({ path: `${folder}/${rel}`, content: readTemplate(`${folder}/${rel}`) }));
}

/** `src/parts/<part>/...` or `test/parts/<part>/...`: a file of an optional part, there only when the container holds it. */
const PART_FILE = /^(?:src|test)\/parts\/([^/]+)\//;

/**
 * A container's template folder as its project holds it: the core, the optional parts the
 * container holds and no other, and each `x.hbs` rendered to `x` with those parts (in place of
 * the template's own `x`, which holds every part so the template's tests run as it stands).
 */
function containerFiles(container: ContainerSpec, options: ProjectOptions): PlannedFile[] {
  const folder = `containers/${container.template}`;
  const all = listTemplateFiles(folder);
  const parts = [...new Set(container.parts ?? [])].sort();
  const known = new Set(all.map((rel) => PART_FILE.exec(rel)?.[1]).filter(Boolean));
  for (const part of parts) if (!known.has(part)) throw new Error(`${folder} has no part "${part}" (src/parts/${part}/)`);
  const context = { parts: parts.map((part) => ({ folder: part, name: part.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) })) };
  const copied = all
    .filter((rel) => !all.includes(`${rel}.hbs`))
    .filter((rel) => parts.includes(PART_FILE.exec(rel)?.[1] ?? '') || !PART_FILE.test(rel))
    .map((rel) =>
      rel.endsWith('.hbs')
        ? { path: `${folder}/${rel.slice(0, -'.hbs'.length)}`, content: renderTemplate(`${folder}/${rel}`, context) }
        : { path: `${folder}/${rel}`, content: readTemplate(`${folder}/${rel}`) },
    );
  const dockerfile = renderTemplate('Dockerfile.hbs', {
    container: container.template,
    purpose: catalog(options.lang).readme.containers[container.template].purpose.replaceAll('`', ''),
    baseImage: DEFAULT_BASE_IMAGE,
    uid: RUN_AS_UID,
    gid: RUN_AS_GID,
  });
  return [...copied, { path: `${folder}/Dockerfile`, content: dockerfile }];
}

/** What a kind of project contributes to the plan; planProject lays it out the same way for every kind. */
interface ProjectShape {
  containers: ContainerSpec[];
  /** Each folder of manifests is validated on its own, with the findings it is built to show. */
  manifests: { files: ManifestFile[]; expectedFindings: string[] }[];
  /** What the manifests' comments may say about the containers (a port bound to loopback). */
  commented: ContainerSpec[];
  /** Containers whose folders (code, tests, Dockerfile) the project holds. */
  build: ContainerSpec[];
  /** What templates/project/ (and the overlay) are rendered from. */
  context: object;
  overlay?: string;
  /** Modules of the catalog's words its scripts read, by path (see textModule). */
  texts: Record<string, TextArea>;
}

/** The npm dependencies of the containers' code, once each, sorted. */
function dependenciesOf(containers: ContainerSpec[]) {
  return Object.entries(Object.assign({}, ...containers.map((c) => c.dependencies ?? {})) as Record<string, string>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => ({ name, version }));
}

/** One pod: k8s/ holds it, the README teaches it. */
function podShape(options: ProjectOptions, pod: PodDescription): ProjectShape {
  const build = containersToBuild(pod);
  return {
    containers: pod.containers,
    manifests: [{ files: buildManifests(options, pod), expectedFindings: [] }],
    commented: build,
    build,
    context: {
      ...options,
      description: `${patternTitle(options.lang, pod)} pod pattern, generated by create-pod-pattern`,
      dependencies: dependenciesOf(build),
      scripts: [],
      readme: readmeContext(options, pod),
    },
    texts: {},
  };
}

/** A lesson: a folder per design, its own README and scripts (templates/<overlay>/), its texts from the catalog. */
function lessonShape(options: ProjectOptions, lesson: LessonDescription): ProjectShape {
  const text = catalog(options.lang);
  return {
    containers: lesson.containers,
    manifests: lesson.designs.map((design, i) => ({
      files: buildDesignManifests(options, design, i === 0),
      expectedFindings: design.expectedFindings,
    })),
    commented: lesson.designs.flatMap((d) => d.workloads.flatMap((w) => w.containers)),
    build: lesson.containers,
    context: {
      ...options,
      description: `${text.lesson.title}, generated by create-pod-pattern`,
      dependencies: dependenciesOf(lesson.containers),
      scripts: Object.entries(lesson.scripts).map(([name, command]) => ({ name, command })),
      readme: lessonReadmeContext(options, lesson),
    },
    overlay: lesson.overlay,
    texts: lesson.texts,
  };
}

/** What every project's scripts say (scripts/lib/*.mjs and the runners import it). */
const SCRIPT_TEXTS: Record<string, TextArea> = { 'scripts/lib/text.mjs': 'scripts' };

/** A module of one area of the catalog in the project's language: plain text the scripts fill in. */
function textModule(path: string, area: TextArea, lang: Lang): PlannedFile {
  return {
    path,
    content: `// The ${lang} words of the scripts, written by create-pod-pattern.\nexport const text = ${JSON.stringify(catalog(lang)[area], null, 2)};\n`,
  };
}

/** The whole project as files in memory; pure but for reading templates. Throws on invalid manifests. */
export function planProject(options: ProjectOptions): ProjectPlan {
  const project = describeProject(options);
  const shape = project.kind === 'pod' ? podShape(options, project.pod) : lessonShape(options, project.lesson);
  for (const m of shape.manifests) validateManifests(m.files, options.lang, m.expectedFindings);
  const manifests = shape.manifests.flatMap((m) => m.files);
  const comments = { text: catalog(options.lang).manifests, containers: shape.commented, services: serviceNames(manifests) };
  const files: PlannedFile[] = [
    ...projectFiles(shape.context, shape.overlay),
    ...manifests.map((m) => ({ path: m.path, content: serializeManifest(m, comments) })),
    ...containerFolderFiles(shape.build, options),
    ...Object.entries({ ...SCRIPT_TEXTS, ...shape.texts }).map(([path, area]) => textModule(path, area, options.lang)),
  ];
  return {
    options,
    designs: project.kind === 'lesson' ? project.lesson.designs.map((d) => d.folder) : [],
    containers: shape.containers,
    files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The names of the Services the manifests create: a comment points out an env value that names one. */
function serviceNames(files: ManifestFile[]): string[] {
  return files.flatMap((f) =>
    (f.objects as unknown[])
      .map((o) => (o instanceof Model ? o.toJSON() : o) as { kind?: string; metadata?: { name?: string } })
      .filter((o) => o.kind === 'Service')
      .map((o) => o.metadata?.name ?? ''),
  );
}
