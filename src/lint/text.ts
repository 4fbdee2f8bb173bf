/** The words of lint in a language: one catalog per language, English the source. */
import type { Lang } from '../i18n/lang.js';
import { lint as en, type LintText } from '../i18n/en/lint.js';
import { loadKorean } from '../i18n/korean.js';

export type { LintText };

export function lintText(lang: Lang = 'en'): LintText {
  return lang === 'ko' ? loadKorean().lint : en;
}
