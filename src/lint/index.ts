/** The linter's public surface: the generator uses lintObjects/lintDocuments, the CLI runLintCommand. */
export { runLintCommand } from './command.js';
export { formatFinding, formatFindings, formatJson, formatSummary } from './format.js';
export { lintDocuments, lintObjects } from './lint.js';
export { lintPaths, LintPathError, YAML_SYNTAX_CHECK } from './load.js';
export { FAMILIES } from './limits.js';
export { CHECKS, checksIn, findCheck } from './registry.js';
export { lintText } from './text.js';
export type { Finding } from './types.js';
