import type { ProjectOptions } from './types.js';

/** ` -n <namespace>` for a kubectl command, or nothing when the project uses the context's. */
export function namespaceFlag(options: Pick<ProjectOptions, 'namespace'>): string {
  return options.namespace ? ` -n ${options.namespace}` : '';
}

/** A process id the reader takes from `npm run dev`'s output; the README words it in their language. */
export function pidOf(name: string): string {
  return `<pid:${name}>`;
}

export const PID_PLACEHOLDER = /<pid:([\w-]+)>/g;
