/** A unified diff (as `diff -u`) of two texts, from a longest common subsequence of their lines. */
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** Line operations turning `a` into `b`; the common prefix and suffix are skipped before the quadratic part. */
function operations(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const middle: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) middle.push({ kind: ' ', line: x[i++]! }), j++;
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) middle.push({ kind: '+', line: y[j++]! });
    else middle.push({ kind: '-', line: x[i++]! });
  }
  const same = (ls: string[]): Op[] => ls.map((line) => ({ kind: ' ', line }));
  return [...same(a.slice(0, start)), ...middle, ...same(a.slice(a.length - end))];
}

/** `--- a/path` / `+++ b/path` and its hunks; '' when the texts are equal. A missing side is /dev/null. */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const ops = operations(lines(before ?? ''), lines(after));
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const last = hunks.at(-1);
    if (last && k - last[1] <= 2 * CONTEXT + 1) last[1] = k;
    else hunks.push([k, k]);
  }
  let out = `--- ${before === undefined ? '/dev/null' : `a/${path}`}\n+++ b/${path}\n`;
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, last + CONTEXT);
    const oldStart = ops.slice(0, from).filter((o) => o.kind !== '+').length;
    const newStart = ops.slice(0, from).filter((o) => o.kind !== '-').length;
    const body = ops.slice(from, to + 1);
    const oldCount = body.filter((o) => o.kind !== '+').length;
    const newCount = body.filter((o) => o.kind !== '-').length;
    const range = (start: number, count: number) => `${count === 0 ? start : start + 1}${count === 1 ? '' : `,${count}`}`;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    out += body.map((o) => `${o.kind}${o.line}\n`).join('');
  }
  return out;
}
