import * as en from './en/index.js';
import * as ko from './ko/index.js';
import type { Lang } from './lang.js';

export type Catalog = typeof en;

const CATALOGS: Record<Lang, Catalog> = { en, ko };

/** Everything a person reads, in their language. */
export function catalog(lang: Lang): Catalog {
  return CATALOGS[lang];
}
