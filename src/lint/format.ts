/** How findings are shown: one line each for a terminal, or JSON for tools. */
import type { LintResult } from './load.js';
import type { Finding } from './types.js';

/** `source: Deployment/x container app: [check-id] message — fix`, one line per finding. */
export function formatFinding(f: Finding): string {
  const where = `${f.source ? `${f.source}: ` : ''}${f.object}${f.container ? ` container ${f.container}` : ''}`;
  const tag = f.severity === 'warning' ? `[${f.check}] (warning)` : `[${f.check}]`;
  return `${where}: ${tag} ${f.message} — ${f.fix}`;
}

export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${formatFinding(f)}\n`).join('');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatSummary(result: LintResult): string {
  const read = `${plural(result.files, 'file')}, ${plural(result.objects, 'object')}`;
  if (result.findings.length === 0) return `No findings (${read}).\n`;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  return `${plural(result.findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${read}.\n`;
}

export function formatJson(result: LintResult): string {
  return `${JSON.stringify({ files: result.files, objects: result.objects, findings: result.findings }, null, 2)}\n`;
}
