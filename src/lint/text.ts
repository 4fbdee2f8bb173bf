/** The words of lint in a language: one catalog per language, English the source. */
import type { Lang } from '../i18n/lang.js';
import { lint as en, type LintText } from '../i18n/en/lint.js';
import { lint as ko } from '../i18n/ko/lint.js';

export type { LintText };

const CATALOGS: Record<Lang, LintText> = { en, ko };

export function lintText(lang: Lang = 'en'): LintText {
  return CATALOGS[lang];
}
