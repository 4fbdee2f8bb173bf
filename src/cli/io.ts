/** What the CLI's flow needs from the world: where to write, and whether a person can answer. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A person at a terminal: both stdin and stdout are TTYs. */
  interactive: boolean;
}

/**
 * The prompts, loaded only when asking. Passed in by the CLI's entry, which loads them from
 * their own file: the generate bundle runs as a cached script, where import() is not available.
 */
export type LoadPrompts = () => Promise<typeof import('./prompts.js')>;
