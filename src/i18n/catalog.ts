import * as en from './en/index.js';
import { loadKorean } from './korean.js';
import type { Lang } from './lang.js';

export type Catalog = typeof en;

const CATALOGS: Record<Lang, () => Catalog> = { en: () => en, ko: loadKorean };

/** Everything a person reads, in their language. */
export function catalog(lang: Lang): Catalog {
  return CATALOGS[lang]();
}
