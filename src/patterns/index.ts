import { adapterHelper } from './adapter.js';
import { ANTI_PATTERN, describeAntiPattern } from './anti-pattern.js';
import { ambassadorHelper } from './ambassador.js';
import { appContainer } from './app.js';
import { sidecarHelper } from './sidecar.js';
import type { ContainerSpec, HelperName, HelperPart, LessonDescription, PatternName, PodDescription, ProjectOptions } from './types.js';

/** Every helper pattern, described once in its own file: what it adds around the app. */
export const HELPERS: Record<HelperName, (options: ProjectOptions) => HelperPart> = {
  sidecar: sidecarHelper,
  ambassador: ambassadorHelper,
  adapter: adapterHelper,
};

interface NamedPattern {
  label: string;
  helpers: HelperName[];
  /** The pod this pattern gives with these options. */
  build: (options: ProjectOptions) => PodDescription;
}

const named = (pattern: PatternName, label: string, helpers: HelperName[]): NamedPattern => ({
  label,
  helpers,
  build: (options) => describePattern({ ...options, pattern }),
});

/** The named patterns and the helpers each puts around the app. */
export const PATTERNS: Record<PatternName, NamedPattern> = {
  singleton: named('singleton', 'singleton: one app container', []),
  sidecar: named('sidecar', 'sidecar logger: app + log-shipper on a shared volume', ['sidecar']),
  ambassador: named('ambassador', 'ambassador proxy: app + loopback proxy with failover', ['ambassador']),
  adapter: named('adapter', 'adapter monitor: app + Prometheus adapter', ['adapter']),
};

export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];
export const HELPER_NAMES = Object.keys(HELPERS) as HelperName[];

/**
 * A pattern as asked for: `singleton`, or one or more helpers joined by commas in any order
 * (`adapter,sidecar`). Returns the helpers in their canonical order, or undefined when it is
 * not one (an unknown name, a repeat, singleton beside a helper, an empty part).
 */
export function helpersOf(pattern: string): HelperName[] | undefined {
  if (pattern === 'singleton') return [];
  const parts = pattern.split(',').map((p) => p.trim());
  if (parts.some((p) => !(HELPER_NAMES as string[]).includes(p)) || new Set(parts).size !== parts.length) return undefined;
  return HELPER_NAMES.filter((h) => parts.includes(h));
}

/** The one spelling of a set of helpers: `sidecar,adapter`, never `adapter,sidecar`. */
export function patternOf(helpers: readonly HelperName[]): string {
  return helpers.length === 0 ? 'singleton' : HELPER_NAMES.filter((h) => helpers.includes(h)).join(',');
}

/** Every pattern there is: the app alone, and the app with each set of helpers (seven). */
export const ALL_PATTERNS: string[] = Array.from({ length: 2 ** HELPER_NAMES.length }, (_, bits) =>
  patternOf(HELPER_NAMES.filter((_, i) => bits & (1 << i))),
).sort((a, b) => a.split(',').length - b.split(',').length || ALL_ORDER(a) - ALL_ORDER(b));

function ALL_ORDER(pattern: string): number {
  return pattern === 'singleton' ? -1 : pattern.split(',').reduce((n, h) => n * 4 + HELPER_NAMES.indexOf(h as HelperName) + 1, 0);
}

/** Every container a pod needs built, its own and its companions', once per template (they share one folder and image). */
export function containersToBuild(pod: Pick<PodDescription, 'containers' | 'companions'>): ContainerSpec[] {
  const all = [...pod.containers, ...pod.companions.map((c) => c.container)];
  return all.filter((c, i) => all.findIndex((o) => o.template === c.template) === i);
}

/** Options for asking a pattern what it holds before the user has chosen the rest. */
export function sampleOptions(overrides: Partial<ProjectOptions> = {}): ProjectOptions {
  return {
    lang: 'en',
    directory: '.',
    pattern: 'singleton',
    name: 'x',
    port: 8080,
    replicas: 1,
    sidecarMode: 'native',
    target: 'kind',
    imagePrefix: '',
    ...overrides,
  };
}

/**
 * The pod: the app, then each helper's container; the app gets what every helper needs of it
 * (env, mounts), and the pod every helper's volumes, companions and annotations.
 */
export function describePattern(options: ProjectOptions): PodDescription {
  const helpers = helpersOf(options.pattern);
  if (!helpers) throw new Error(`not a pattern: ${options.pattern}`);
  const parts = helpers.map((helper) => HELPERS[helper](options));
  return {
    pattern: patternOf(helpers),
    helpers,
    containers: [
      appContainer(options, {
        env: Object.assign({}, ...parts.map((p) => p.app.env)),
        mounts: parts.flatMap((p) => p.app.mounts),
        parts: parts.flatMap((p) => p.app.parts ?? []),
      }),
      ...parts.map((p) => p.container),
    ],
    volumes: parts.flatMap((p) => p.volumes),
    companions: parts.flatMap((p) => p.companions),
    annotations: Object.assign({}, ...parts.map((p) => p.annotations)),
  };
}

/**
 * What a project holds: one pod (a named pattern or any set of helpers), or a lesson (the
 * anti-pattern: the same containers in a wrong design and in the fix). The plan, the README
 * and the CLI's rules read it; nothing else asks which pattern it is.
 */
export type ProjectDescription = { kind: 'pod'; pod: PodDescription } | { kind: 'lesson'; lesson: LessonDescription };

/** Patterns that are not one pod: each describes its own project. */
const LESSONS: Record<string, (options: ProjectOptions) => LessonDescription> = { [ANTI_PATTERN]: describeAntiPattern };
export const LESSON_NAMES = Object.keys(LESSONS);

/** Whether `pattern` names a pattern the generator knows: a lesson, `singleton`, or a set of helpers. */
export function isPattern(pattern: string): boolean {
  return Object.hasOwn(LESSONS, pattern) || helpersOf(pattern) !== undefined;
}

/** The one spelling of an accepted pattern (`adapter,sidecar` is `sidecar,adapter`). */
export function canonicalPattern(pattern: string): string {
  return Object.hasOwn(LESSONS, pattern) ? pattern : patternOf(helpersOf(pattern)!);
}

export function describeProject(options: ProjectOptions): ProjectDescription {
  const lesson = Object.hasOwn(LESSONS, options.pattern) ? LESSONS[options.pattern] : undefined;
  return lesson ? { kind: 'lesson', lesson: lesson(options) } : { kind: 'pod', pod: describePattern(options) };
}

/**
 * The lesson a project folder holds, found by the folder of its wrong design (`k8s-anti-pattern/`),
 * or undefined. `add` refuses there: a lesson has no pattern pod for a helper to join.
 */
export function lessonOfProject(exists: (path: string) => boolean): { pattern: string; folder: string } | undefined {
  for (const [pattern, describe] of Object.entries(LESSONS))
    for (const design of describe(sampleOptions({ pattern })).designs.slice(1))
      if (exists(`${design.folder}/kustomization.yaml`)) return { pattern, folder: design.folder };
  return undefined;
}

export type { HelperName, LessonDescription, PatternName, PodDescription, ProjectOptions } from './types.js';
