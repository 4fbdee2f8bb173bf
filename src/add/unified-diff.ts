import { formatPatch, structuredPatch } from 'diff';

/**
 * `--- a/path` / `+++ b/path` and its hunks, as `diff -u` prints them (jsdiff, with three lines
 * of context and `\ No newline at end of file` where a side lacks one); '' when the texts are
 * equal. A missing side is /dev/null.
 */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, {
    context: 3,
  });
  // jsdiff heads a patch with a line of '=' that diff -u does not print.
  return formatPatch(patch).replace(/^=+\n/, '');
}
