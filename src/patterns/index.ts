import { adapterPattern } from './adapter.js';
import { ambassadorPattern } from './ambassador.js';
import { sidecarPattern } from './sidecar.js';
import { singletonPattern } from './singleton.js';
import type { PatternName, PodDescription, ProjectOptions } from './types.js';

export const PATTERNS: Record<PatternName, { label: string; build: (o: ProjectOptions) => PodDescription }> = {
  singleton: { label: 'singleton: one app container', build: singletonPattern },
  sidecar: { label: 'sidecar logger: app + log-shipper on a shared volume', build: sidecarPattern },
  ambassador: { label: 'ambassador proxy: app + loopback proxy with failover', build: ambassadorPattern },
  adapter: { label: 'adapter monitor: app + Prometheus adapter', build: adapterPattern },
};

export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];

/** Options for asking a pattern what it holds before the user has chosen the rest. */
export function sampleOptions(overrides: Partial<ProjectOptions> = {}): ProjectOptions {
  return { lang: 'en', directory: '.', pattern: 'singleton', name: 'x', port: 8080, replicas: 1, sidecarMode: 'native', target: 'kind', imagePrefix: '', ...overrides };
}

export function describePattern(options: ProjectOptions): PodDescription {
  return PATTERNS[options.pattern].build(options);
}


export type { PatternName, PodDescription, ProjectOptions } from './types.js';
