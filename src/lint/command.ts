/**
 * `create-pod-pattern lint <files or folders...> [--format text|json] [--only <family>,...] [--lang en|ko]`
 * Exit status: 0 no findings, 1 findings, 2 bad usage (no path, a path that does not
 * exist, a folder without YAML, an unknown option, family or language).
 */
import { parseArgs } from 'node:util';
import { isLang, langFromEnv, type Lang } from '../i18n/lang.js';
import { formatFindings, formatJson, formatSummary } from './format.js';
import { FAMILIES } from './limits.js';
import { lintPaths, LintPathError, type LintResult } from './load.js';
import { checksIn } from './registry.js';
import { lintText, type LintText } from './text.js';
import type { Family } from './types.js';

/** Where output goes: a stream (process.stdout) or a plain function. */
export type LintSink = { write(text: string): unknown } | ((text: string) => unknown);

export interface LintIO {
  stdout: LintSink;
  stderr: LintSink;
  /** Where the default language comes from (LC_ALL, LC_MESSAGES, LANG); process.env when absent. */
  env?: Record<string, string | undefined>;
}

function writer(sink: LintSink): (text: string) => void {
  return (text) => void (typeof sink === 'function' ? sink(text) : sink.write(text));
}

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  only: { type: 'string' },
  lang: { type: 'string' },
  'list-checks': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Node's own words for a bad option, said again in the reader's language. */
function optionError(error: unknown, t: LintText): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1] ?? message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t.errors.unknownOption({ option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t.errors.missingValue({ option });
  return message;
}

/** The language asked for: --lang when it is valid, else the locale's. */
function chosenLang(argv: string[], env: Record<string, string | undefined>): { lang: Lang; bad?: string } {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true });
  const asked = values.lang;
  if (asked === undefined || asked === true) return { lang: langFromEnv(env) };
  return isLang(asked) ? { lang: asked } : { lang: langFromEnv(env), bad: String(asked) };
}

function parseFamilies(value: string): { families: Family[]; unknown?: string } {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.find((n) => !(FAMILIES as readonly string[]).includes(n));
  return { families: names as Family[], unknown: unknown ?? (names.length === 0 ? value : undefined) };
}

/** Run the lint command; `argv` holds the arguments after `lint`. */
export async function runLintCommand(argv: string[], io: LintIO): Promise<number> {
  const stdout = writer(io.stdout);
  const stderr = writer(io.stderr);
  const { lang, bad } = chosenLang(argv, io.env ?? process.env);
  const t = lintText(lang);
  const usageError = (message: string) => {
    stderr(`create-pod-pattern lint: ${message}\n\n${t.usage}`);
    return 2;
  };
  if (bad !== undefined) return usageError(t.errors.badLang({ value: bad }));

  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usageError(optionError(error, t));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout(t.usage);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) return usageError(t.errors.badFormat({ value: values.format }));
  let only: Family[] | undefined;
  if (values.only !== undefined) {
    const { families, unknown } = parseFamilies(values.only);
    if (unknown !== undefined) return usageError(t.errors.unknownFamily({ value: unknown, families: FAMILIES.join(', ') }));
    only = families;
  }
  if (values['list-checks']) {
    for (const check of checksIn(lang)) {
      if (!only || only.includes(check.family)) stdout(`${check.id} (${check.family}, ${check.severity}): ${check.description}\n`);
    }
    return 0;
  }
  if (positionals.length === 0) return usageError(t.errors.noPaths);

  let result: LintResult;
  try {
    result = await lintPaths(positionals, { lang, only });
  } catch (error) {
    if (error instanceof LintPathError) return usageError(error.message);
    throw error;
  }
  if (format === 'json') stdout(formatJson(result));
  else stdout(formatFindings(result.findings, t) + formatSummary(result, t));
  return result.findings.length > 0 ? 1 : 0;
}
