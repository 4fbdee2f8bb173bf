/** How findings are shown: one line each for a terminal, or JSON for tools. */
import type { LintResult } from './load.js';
import { lintText, type LintText } from './text.js';
import type { Finding } from './types.js';

/** `source: Deployment/x container app: [check-id] message — fix`, one line per finding. */
export function formatFinding(f: Finding, t: LintText = lintText('en')): string {
  const where = `${f.source ? `${f.source}: ` : ''}${f.object}${f.container ? ` ${t.finding.container({ name: f.container })}` : ''}`;
  const tag = f.severity === 'warning' ? `[${f.check}] ${t.finding.warning}` : `[${f.check}]`;
  return `${where}: ${tag} ${f.message} — ${f.fix}`;
}

export function formatFindings(findings: readonly Finding[], t: LintText = lintText('en')): string {
  return findings.map((f) => `${formatFinding(f, t)}\n`).join('');
}

export function formatSummary(result: LintResult, t: LintText = lintText('en')): string {
  const { files, objects } = result;
  if (result.findings.length === 0) return `${t.summary.clean({ files, objects })}\n`;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return `${t.summary.found({ findings: result.findings.length, errors, warnings: result.findings.length - errors, files, objects })}\n`;
}

/** Keys, ids and severities are the same in every language; message and fix are the reader's. */
export function formatJson(result: LintResult): string {
  return `${JSON.stringify({ files: result.files, objects: result.objects, findings: result.findings }, null, 2)}\n`;
}
