/**
 * docs/lint-checks.md, made from the check registry so the list can never drift from the
 * code: `npm run docs` writes it, tests/docs-match-the-code.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { CHECKS } from '../src/lint/registry.js';
import type { Family } from '../src/lint/types.js';

const FAMILIES: Record<Family, string> = {
  'pod-design': 'What belongs in one pod: the lessons of the pod patterns.',
  'pod-security': 'The Pod Security Standards "restricted" profile, and the security-context checks kube-linter, kube-score and Polaris add.',
  resources: 'Requests and limits, so the scheduler can place the pod and a leak cannot starve the node.',
  probes: 'Readiness and liveness probes that point at ports the container declares.',
  images: 'Image references that pull the same thing every time.',
  workload: 'Controller settings: selectors, replicas, termination grace.',
  services: 'Services that select pods and target ports those pods declare.',
};

export const LINT_CHECKS_DOC = 'docs/lint-checks.md';

export function renderLintChecksDoc(): string {
  const families = [...new Set(CHECKS.map((c) => c.family))];
  const sections = families.map((family) => {
    const rows = CHECKS.filter((c) => c.family === family).map((c) => `| \`${c.id}\` | ${c.severity} | ${c.description.replaceAll('|', '\\|')} |`);
    return [`## ${family}`, '', FAMILIES[family], '', '| check | severity | requires |', '| --- | --- | --- |', ...rows, ''].join('\n');
  });
  return [
    '# `create-pod-pattern lint`: the checks',
    '',
    '<!-- Made by `npm run docs` from src/lint/registry.ts; edit the checks, not this file. -->',
    '',
    'Every generated project passes all of them; `create-pod-pattern lint <files or folders>` runs',
    'them on any manifest. Ids are stable: scripts may match on them. Exit status: 0 no findings,',
    '1 findings, 2 bad usage. `--list-checks` prints this list; `--format json` prints findings as JSON.',
    '',
    ...sections,
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(LINT_CHECKS_DOC, renderLintChecksDoc());
  console.log(`wrote ${LINT_CHECKS_DOC} (${CHECKS.length} checks)`);
}
