import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_CHECKS_DOC, renderLintChecksDoc } from '../scripts/lint-checks-doc.js';
import { CHECKS } from '../src/lint/index.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('the documentation of lint', () => {
  it('lists every check the registry holds, as the registry says it (regenerate with `npm run docs`)', () => {
    const doc = readFileSync(resolve(ROOT, LINT_CHECKS_DOC), 'utf8');
    expect(doc).toBe(renderLintChecksDoc());
    for (const check of CHECKS) expect(doc).toContain(`| \`${check.id}\` | ${check.severity} |`);
  });
});
