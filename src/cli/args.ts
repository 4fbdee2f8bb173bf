import { parseArgs } from 'node:util';
import { isLang, langFromEnv, type Lang } from '../i18n/lang.js';
import type { CliText } from './cli-text.js';
import type { RawOptions } from './options.js';
import { UsageError } from './usage-error.js';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'lint'; argv: string[] }
  | { kind: 'add'; argv: string[] }
  | { kind: 'generate'; options: RawOptions };

const FLAGS = {
  pattern: { type: 'string', short: 'p' },
  lang: { type: 'string' },
  name: { type: 'string', short: 'n' },
  namespace: { type: 'string' },
  port: { type: 'string' },
  replicas: { type: 'string' },
  'sidecar-mode': { type: 'string' },
  target: { type: 'string' },
  'image-prefix': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Node's own words for a bad option, said again in the reader's language. */
function explain(error: unknown, t: CliText): string {
  const message = (error as Error).message;
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return t.usage.unknownOption({ option: unknown[1]! });
  const missing = /Option '(--?[\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return t.usage.missingValue({ option: missing[1]! });
  return t.usage.other({ message });
}

/**
 * The language to speak before the arguments are understood: a valid --lang, else the
 * environment's. An invalid --lang is refused later, in the environment's language.
 */
export function requestedLang(argv: string[], env: Record<string, string | undefined> = process.env): Lang {
  const { values } = parseArgs({ args: argv, options: { lang: FLAGS.lang }, strict: false, allowPositionals: true });
  return isLang(values.lang) ? values.lang : langFromEnv(env);
}

export function parseCommandLine(argv: string[], t: CliText): Command {
  if (argv[0] === 'lint') return { kind: 'lint', argv: argv.slice(1) };
  if (argv[0] === 'add') return { kind: 'add', argv: argv.slice(1) };
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof FLAGS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(error, t));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length > 1)
    throw new UsageError(t.usage.twoDirectories({ count: positionals.length, given: positionals.map((p) => JSON.stringify(p)).join(' ') }));
  const options: RawOptions = {
    directory: positionals[0],
    pattern: values.pattern,
    lang: values.lang,
    name: values.name,
    namespace: values.namespace,
    port: values.port,
    replicas: values.replicas,
    sidecarMode: values['sidecar-mode'],
    target: values.target,
    imagePrefix: values['image-prefix'],
    yes: values.yes ?? false,
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
  };
  for (const key of Object.keys(options) as (keyof RawOptions)[]) if (options[key] === undefined) delete options[key];
  return { kind: 'generate', options };
}
