import { adapterHelper } from './adapter.js';
import { ambassadorHelper } from './ambassador.js';
import { appContainer } from './app.js';
import { sidecarHelper } from './sidecar.js';
import type { HelperName, HelperPart, PatternName, PodDescription, ProjectOptions } from './types.js';

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

/** Options for asking a pattern what it holds before the user has chosen the rest. */
export function sampleOptions(overrides: Partial<ProjectOptions> = {}): ProjectOptions {
  return { lang: 'en', directory: '.', pattern: 'singleton', name: 'x', port: 8080, replicas: 1, sidecarMode: 'native', target: 'kind', imagePrefix: '', ...overrides };
}

/**
 * The pod: the app, then each helper's container; the app gets what every helper needs of it
 * (env, mounts), and the pod every helper's volumes, companions and annotations.
 */
export function describePattern(options: ProjectOptions): PodDescription {
  const parts = PATTERNS[options.pattern].helpers.map((helper) => HELPERS[helper](options));
  return {
    pattern: options.pattern,
    helpers: parts.map((p) => p.helper),
    containers: [
      appContainer(options, { env: Object.assign({}, ...parts.map((p) => p.app.env)), mounts: parts.flatMap((p) => p.app.mounts) }),
      ...parts.map((p) => p.container),
    ],
    volumes: parts.flatMap((p) => p.volumes),
    companions: parts.flatMap((p) => p.companions),
    annotations: Object.assign({}, ...parts.map((p) => p.annotations)),
  };
}

export type { HelperName, PatternName, PodDescription, ProjectOptions } from './types.js';
