/** The linter's public surface: the generator uses lintObjects/lintDocuments, the CLI runLintCommand. */
export { runLintCommand, LINT_USAGE, type LintIO, type LintSink } from './command.js';
export { formatFinding, formatFindings, formatJson, formatSummary } from './format.js';
export { lintDocuments, lintObjects } from './lint.js';
export { collectFiles, lintPaths, LintPathError, parseManifests, YAML_SYNTAX_CHECK, type LintResult } from './load.js';
export type { LintInput } from './model.js';
export { CHECKS, findCheck } from './registry.js';
export type { Check, Family, Finding, Severity } from './types.js';
