/**
 * docs/lint-checks.md (English) and docs/lint-checks.ko.md (Korean), made from the check
 * registry and the message catalogs so the lists can never drift from the code: `npm run docs`
 * writes them, tests/docs-match-the-code.test.ts fails when one is stale.
 */
import { writeFileSync } from 'node:fs';
import { LANGS, type Lang } from '../src/i18n/lang.js';
import { FAMILIES } from '../src/lint/limits.js';
import { checksIn } from '../src/lint/registry.js';
import { lintText } from '../src/lint/text.js';

export const LINT_CHECKS_DOCS: Record<Lang, string> = { en: 'docs/lint-checks.md', ko: 'docs/lint-checks.ko.md' };

export function renderLintChecksDoc(lang: Lang = 'en'): string {
  const t = lintText(lang);
  const checks = checksIn(lang);
  const sections = FAMILIES.map((family) => {
    const rows = checks
      .filter((c) => c.family === family)
      .map((c) => `| \`${c.id}\` | ${c.severity} | ${c.description.replaceAll('|', '\\|')} |`);
    return [`## ${family}`, '', t.families[family], '', t.docs.header, '| --- | --- | --- |', ...rows, ''].join('\n');
  });
  return [t.docs.title, '', t.docs.generated, '', t.docs.intro, '', ...sections].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  for (const lang of LANGS) {
    writeFileSync(LINT_CHECKS_DOCS[lang], renderLintChecksDoc(lang));
    console.log(`wrote ${LINT_CHECKS_DOCS[lang]} (${checksIn(lang).length} checks)`);
  }
}
