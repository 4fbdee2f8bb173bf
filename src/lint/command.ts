/**
 * `create-pod-pattern lint <files or folders...> [--format text|json]`
 * Exit status: 0 no findings, 1 findings, 2 bad usage (no path, a path that does not
 * exist, a folder without YAML, an unknown option).
 */
import { parseArgs } from 'node:util';
import { formatFindings, formatJson, formatSummary } from './format.js';
import { LintPathError, lintPaths } from './load.js';
import { CHECKS } from './registry.js';

/** Where output goes: a stream (process.stdout) or a plain function. */
export type LintSink = { write(text: string): unknown } | ((text: string) => unknown);

export interface LintIO {
  stdout: LintSink;
  stderr: LintSink;
}

function writer(sink: LintSink): (text: string) => void {
  return (text) => void (typeof sink === 'function' ? sink(text) : sink.write(text));
}

export const LINT_USAGE = `Usage: create-pod-pattern lint <files or folders...> [--format text|json]

Checks Kubernetes manifests (Deployments and other pod templates, Services, Namespaces)
against the Pod Security Standards "restricted" profile and the checks of kube-linter,
kube-score and Polaris. Folders are searched for *.yaml and *.yml files.

Options:
  -f, --format <text|json>  output format (default: text)
      --list-checks         print every check id with what it requires
  -h, --help                show this help

Exit status: 0 no findings, 1 findings, 2 bad usage.
`;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

function usageError(stderr: (text: string) => void, message: string): number {
  stderr(`create-pod-pattern lint: ${message}\n\n${LINT_USAGE}`);
  return 2;
}

/** Run the lint command; `argv` holds the arguments after `lint`. */
export async function runLintCommand(argv: string[], io: LintIO): Promise<number> {
  const stdout = writer(io.stdout);
  const stderr = writer(io.stderr);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        'list-checks': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(stderr, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout(LINT_USAGE);
    return 0;
  }
  if (values['list-checks']) {
    for (const check of CHECKS) stdout(`${check.id} (${check.family}, ${check.severity}): ${check.description}\n`);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) return usageError(stderr, `--format must be text or json, not "${values.format}"`);
  if (positionals.length === 0) return usageError(stderr, 'give at least one file or folder to lint, e.g. `create-pod-pattern lint k8s/`');

  let result;
  try {
    result = await lintPaths(positionals);
  } catch (error) {
    if (error instanceof LintPathError) return usageError(stderr, error.message);
    throw error;
  }
  if (format === 'json') stdout(formatJson(result));
  else stdout(formatFindings(result.findings) + formatSummary(result));
  return result.findings.length > 0 ? 1 : 0;
}
