import type { ProjectOptions } from './types.js';

/** ` -n <namespace>` for a kubectl command, or nothing when the project uses the context's. */
export function namespaceFlag(options: Pick<ProjectOptions, 'namespace'>): string {
  return options.namespace ? ` -n ${options.namespace}` : '';
}
