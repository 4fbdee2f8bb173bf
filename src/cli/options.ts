import { basename, resolve } from 'node:path';
import { canonicalPattern, describeProject, LESSON_NAMES, PATTERNS, sampleOptions } from '../patterns/index.js';
import { CONTAINER_NAMES } from '../patterns/constants.js';
import type { PatternName, ProjectOptions } from '../patterns/types.js';
import { isLang, LANGS, langFromEnv, type Lang } from '../i18n/lang.js';
import { pathTextIssue } from '../write/path-text.js';
import { describeRefusal } from '../write/write-error.js';
import { cliText } from './cli-text.js';
import {
  checkChoice,
  checkImagePrefix,
  checkName,
  checkNamespace,
  checkPattern,
  checkPort,
  checkReplicas,
  type PortOwner,
  SIDECAR_MODES,
  TARGETS,
} from './rules.js';
import { UsageError } from './usage-error.js';

/** What came from flags or prompts, as strings, before validation. */
export interface RawOptions {
  directory?: string;
  lang?: string;
  pattern?: string;
  name?: string;
  namespace?: string;
  port?: string;
  replicas?: string;
  sidecarMode?: string;
  target?: string;
  imagePrefix?: string;
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
}

export const DEFAULTS = {
  directory: 'pod-pattern',
  pattern: 'singleton' as PatternName,
  port: '8080',
  replicas: '1',
  target: 'kind',
  imagePrefix: 'local/',
};

/**
 * Ports bound next to the app: by the pod's helpers, and, under `npm run dev`, by the demo
 * companions that share this machine's localhost with the pod. In a lesson, by the containers
 * that share the app's localhost in its wrong design.
 */
export function helperPorts(pattern: string): PortOwner[] {
  const project = describeProject(sampleOptions({ pattern }));
  if (project.kind === 'lesson')
    return project.lesson.designs.flatMap((design) =>
      design.workloads
        .filter((w) => w.containers.some((c) => c.name === CONTAINER_NAMES.app) && w.containers.length > 1)
        .flatMap((w) =>
          w.containers
            .filter((c) => c.name !== CONTAINER_NAMES.app)
            .flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, container: c.name, folder: design.folder }))),
        ),
    );
  const plan = project.pod;
  const inPod = plan.containers
    .filter((c) => c.role === 'helper')
    .flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, container: c.name })));
  const companions = plan.companions.flatMap((c) => c.container.ports.map((p) => ({ port: p.containerPort, companion: c.suffix })));
  return [...inPod, ...companions];
}

export function defaultName(directory: string): string {
  return basename(resolve(directory));
}

export function defaultSidecarMode(target: string | undefined): 'native' | 'classic' {
  // podman 4.3 cannot run native sidecars (the pod never starts its main containers).
  return target === 'podman' ? 'classic' : 'native';
}

function fail(problem: string | undefined): void {
  if (problem) throw new UsageError(problem);
}

/** The language asked for, checked: the first thing resolved, since every message after it uses it. */
export function resolveLang(raw: RawOptions): Lang {
  const lang = raw.lang ?? langFromEnv();
  if (!isLang(lang)) throw new UsageError(cliText(langFromEnv()).rules.badLang({ value: lang, langs: LANGS.join(', ') }));
  return lang;
}

/** Fills defaults and validates everything; pure. Throws UsageError naming the value and the rule, in the chosen language. */
export function resolveOptions(raw: RawOptions): ProjectOptions {
  const lang = resolveLang(raw);
  const t = cliText(lang).rules;
  const directory = raw.directory ?? (raw.yes ? DEFAULTS.directory : undefined);
  if (!directory) throw new UsageError(t.noDirectory);
  const pathIssue = pathTextIssue(directory);
  if (pathIssue) throw new UsageError(describeRefusal(pathIssue, cliText(lang).refusals));

  const asked = raw.pattern ?? (raw.yes ? DEFAULTS.pattern : undefined);
  if (asked === undefined)
    throw new UsageError(t.noPattern({ patterns: [...Object.keys(PATTERNS), ...LESSON_NAMES].join('|'), fallback: DEFAULTS.pattern }));
  fail(checkPattern(asked, t));
  // One spelling per set of helpers: `adapter,sidecar` is `sidecar,adapter`.
  const pattern = canonicalPattern(asked);

  const name = raw.name ?? defaultName(directory);
  const nameProblem = checkName(name, t);
  if (nameProblem) throw new UsageError(raw.name === undefined ? t.nameFromDirectory({ problem: nameProblem }) : nameProblem);

  if (raw.namespace !== undefined && raw.namespace !== '') fail(checkNamespace(raw.namespace, t));
  const port = raw.port ?? DEFAULTS.port;
  fail(checkPort(port, helperPorts(pattern), t));
  const replicas = raw.replicas ?? DEFAULTS.replicas;
  fail(checkReplicas(replicas, t));
  const target = raw.target ?? DEFAULTS.target;
  fail(checkChoice('target', target, TARGETS, t));
  const sidecarMode = raw.sidecarMode ?? defaultSidecarMode(target);
  fail(checkChoice('sidecarMode', sidecarMode, SIDECAR_MODES, t));
  if (target === 'podman' && sidecarMode === 'native') throw new UsageError(t.nativeOnPodman);
  const imagePrefix = raw.imagePrefix ?? DEFAULTS.imagePrefix;
  fail(checkImagePrefix(imagePrefix, name, t));

  const options: ProjectOptions = {
    lang,
    directory,
    pattern,
    name,
    ...(raw.namespace ? { namespace: raw.namespace } : {}),
    port: Number(port),
    replicas: Number(replicas),
    sidecarMode: sidecarMode as ProjectOptions['sidecarMode'],
    target: target as ProjectOptions['target'],
    imagePrefix,
  };
  describeProject(options);
  return options;
}
