import * as ko from './ko/index.js';

/**
 * The Korean catalog. In the package it is a file of its own (dist/ko.cjs) that the bundles
 * load the first time Korean is asked for (scripts/build.mjs): a run in English never parses it.
 */
export function loadKorean(): typeof ko {
  return ko;
}
