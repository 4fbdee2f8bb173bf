import { LESSON_NAMES, PATTERN_NAMES } from '../patterns/index.js';
import { resolveOptions, type RawOptions } from './options.js';
import { SIDECAR_MODES, TARGETS } from './rules.js';
import { isUsageError } from './usage-error.js';

/** The options that change what the manifests hold (not only their values). */
export type Variant = Required<Pick<RawOptions, 'pattern' | 'target' | 'sidecarMode' | 'replicas'>> & Pick<RawOptions, 'namespace'>;

/**
 * Every combination of those options the CLI accepts: each pattern (the lessons too), target and sidecar
 * mode, with and without a namespace, one and several replicas. The build finds the
 * schema validators the manifests need from them (scripts/schemas-in-use.mjs), and a test
 * generates each with the bundle.
 */
export function manifestVariants(): Variant[] {
  const variants: Variant[] = [];
  for (const pattern of [...PATTERN_NAMES, ...LESSON_NAMES])
    for (const target of TARGETS)
      for (const sidecarMode of SIDECAR_MODES)
        for (const namespace of [undefined, 'demo'])
          for (const replicas of ['1', '3']) {
            const variant = { pattern, target, sidecarMode, namespace, replicas };
            if (accepted(variant)) variants.push(variant);
          }
  return variants;
}

function accepted(variant: Variant): boolean {
  try {
    resolveOptions({ directory: 'variant', ...variant, yes: true });
    return true;
  } catch (error) {
    if (isUsageError(error)) return false; // e.g. native sidecars on podman
    throw error;
  }
}
