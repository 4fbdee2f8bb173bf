/** The words of the command line in a language: one catalog per language, English the source. */
import { cli as en, type CliText } from '../i18n/en/cli.js';
import { loadKorean } from '../i18n/korean.js';
import type { Lang } from '../i18n/lang.js';

export type { CliText };

/** Korean comes from its own file, loaded the first time it is asked for: an English run never parses it. */
export function cliText(lang: Lang): CliText {
  return lang === 'ko' ? loadKorean().cli : en;
}
