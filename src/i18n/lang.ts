/**
 * The languages a person can read this tool in. Everything a person reads (prompts, messages,
 * the generated README, manifest comments, the pod picture, lint's text, what a project's
 * scripts print) comes from one catalog per language: src/i18n/<lang>/, one file per area so
 * each part of the tool loads only its own. English is the source: every other catalog has the
 * same keys and parameters (the types hold them to it, and tests/i18n-catalogs.test.ts checks
 * the values).
 */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language of the user's locale, as POSIX resolves the message locale: LC_ALL, else
 * LC_MESSAGES, else LANG; `ko`, `ko_KR.UTF-8`... give Korean, anything else English.
 */
export function langFromEnv(env: Record<string, string | undefined> = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
