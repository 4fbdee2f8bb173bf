import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_CHECKS_DOCS, renderLintChecksDoc } from '../scripts/lint-checks-doc.js';
import { LANGS } from '../src/i18n/lang.js';
import { checksIn } from '../src/lint/index.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('the documentation of lint', () => {
  it.each(LANGS)('lists every check the registry holds, as the %s catalog says it (regenerate with `npm run docs`)', (lang) => {
    const doc = readFileSync(resolve(ROOT, LINT_CHECKS_DOCS[lang]), 'utf8');
    expect(doc).toBe(renderLintChecksDoc(lang));
    for (const check of checksIn(lang))
      expect(doc).toContain(`| \`${check.id}\` | ${check.severity} | ${check.description.replaceAll('|', '\\|')} |`);
    // Pod design is the first family, as in lint's output.
    expect(doc.indexOf('## pod-design')).toBeLessThan(doc.indexOf('## pod-security'));
  });

  it('has a Korean page in Korean and an English page in English', () => {
    const ko = readFileSync(resolve(ROOT, LINT_CHECKS_DOCS.ko), 'utf8');
    const en = readFileSync(resolve(ROOT, LINT_CHECKS_DOCS.en), 'utf8');
    expect(ko).toContain('| 검사 | 심각도 | 요구 사항 |');
    expect(en).toContain('| check | severity | requires |');
    expect(en).not.toMatch(/[\uac00-\ud7a3]/);
  });
});
