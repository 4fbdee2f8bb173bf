import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * A path that is plainly inside any folder: relative, '/'-separated names, none of them empty,
 * `.` or `..`, the first not starting with `..`, and no backslash, colon (a drive on Windows),
 * NUL, CR or LF. Every file a plan holds looks like this, and the check below would pass it
 * unchanged on any platform; this lets it through without path.resolve and path.relative,
 * which cost a scaffold ~7 M instructions (~80 k per path, run cold) for its 93 paths.
 * tests/writes-all-or-nothing.test.ts holds both to the same answers.
 */
const PLAINLY_INSIDE = /^(?!\.\.)(?:(?!\.\.?\/)[^/\\:\0\n\r]+\/)*(?!\.\.?$)[^/\\:\0\n\r]+$/;

/** Refuses any planned path that is absolute, climbs out, or is not plain text. */
export function assertPathsInside(root: string, paths: string[]): void {
  const base = resolve(root);
  for (const p of paths) {
    if (PLAINLY_INSIDE.test(p)) continue;
    const target = resolve(base, p);
    const rel = relative(base, target);
    if (!p || isAbsolute(p) || p.includes('\\') || /[\0\n\r]/.test(p) || rel === '' || rel.startsWith('..') || isAbsolute(rel))
      throw new Error(`refusing to write ${JSON.stringify(p)}: it would land outside ${base}`);
  }
}

/** path.join(root, path) for a normalized `root` (as path.join returns it), without its cost for the plain paths a plan holds. */
export function joinInside(root: string, path: string): string {
  return PLAINLY_INSIDE.test(path) ? `${root}/${path}` : join(root, path);
}
