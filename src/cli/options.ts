import { basename, resolve } from 'node:path';
import { describePattern, PATTERNS, sampleOptions } from '../patterns/index.js';
import type { PatternName, ProjectOptions } from '../patterns/types.js';
import { isLang, LANGS, langFromEnv } from '../i18n/lang.js';
import { pathTextProblem } from '../write/path-text.js';
import {
  checkChoice,
  checkImagePrefix,
  checkName,
  checkNamespace,
  checkPattern,
  checkPort,
  checkReplicas,
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

/** Ports the helpers (and, in `npm run dev`, the demo upstreams) bind next to the app. */
export function helperPorts(pattern: PatternName): { port: number; container: string }[] {
  const plan = PATTERNS[pattern].build(sampleOptions({ pattern }));
  const inPod = plan.containers.filter((c) => c.role === 'helper').flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, container: `the ${c.name} container` })));
  const companions = plan.companions.flatMap((c) =>
    c.container.ports.map((p) => ({ port: p.containerPort, container: `the demo ${c.suffix} (it shares localhost with the pod in \`npm run dev\`)` })),
  );
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

/** Fills defaults and validates everything; pure. Throws UsageError naming the value and the rule. */
export function resolveOptions(raw: RawOptions): ProjectOptions {
  const directory = raw.directory ?? (raw.yes ? DEFAULTS.directory : undefined);
  if (!directory) throw new UsageError('no directory given: pass it as the first argument (e.g. `create-pod-pattern my-service`), or --yes for the default');
  fail(pathTextProblem(directory));

  const pattern = raw.pattern ?? (raw.yes ? DEFAULTS.pattern : undefined);
  if (pattern === undefined) throw new UsageError(`no pattern given: pass --pattern <${Object.keys(PATTERNS).join('|')}>, or --yes for the default (${DEFAULTS.pattern})`);
  fail(checkPattern(pattern));

  const name = raw.name ?? defaultName(directory);
  const nameProblem = checkName(name);
  if (nameProblem) throw new UsageError(raw.name === undefined ? `${nameProblem} (the name defaults to the directory's base name; pass --name to choose one)` : nameProblem);

  if (raw.namespace !== undefined && raw.namespace !== '') fail(checkNamespace(raw.namespace));
  const port = raw.port ?? DEFAULTS.port;
  fail(checkPort(port, helperPorts(pattern as PatternName)));
  const replicas = raw.replicas ?? DEFAULTS.replicas;
  fail(checkReplicas(replicas));
  const target = raw.target ?? DEFAULTS.target;
  fail(checkChoice('target', target, TARGETS));
  const sidecarMode = raw.sidecarMode ?? defaultSidecarMode(target);
  fail(checkChoice('sidecar mode', sidecarMode, SIDECAR_MODES));
  if (target === 'podman' && sidecarMode === 'native')
    throw new UsageError('--sidecar-mode native cannot run on the podman target: podman 4.3 never starts the main containers of a pod with native sidecars; use --sidecar-mode classic (the default for podman)');
  const imagePrefix = raw.imagePrefix ?? DEFAULTS.imagePrefix;
  fail(checkImagePrefix(imagePrefix, name));

  const lang = raw.lang ?? langFromEnv();
  if (!isLang(lang)) throw new UsageError(`--lang must be ${LANGS.join(' or ')}, got "${lang}"`);

  const options: ProjectOptions = {
    lang,
    directory,
    pattern: pattern as PatternName,
    name,
    ...(raw.namespace ? { namespace: raw.namespace } : {}),
    port: Number(port),
    replicas: Number(replicas),
    sidecarMode: sidecarMode as ProjectOptions['sidecarMode'],
    target: target as ProjectOptions['target'],
    imagePrefix,
  };
  describePattern(options);
  return options;
}
