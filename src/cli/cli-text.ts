/** The words of the command line in a language: one catalog per language, English the source. */
import { cli as en, type CliText } from '../i18n/en/cli.js';
import { cli as ko } from '../i18n/ko/cli.js';
import type { Lang } from '../i18n/lang.js';

export type { CliText };

const CATALOGS: Record<Lang, CliText> = { en, ko };

export function cliText(lang: Lang): CliText {
  return CATALOGS[lang];
}
