// The results table, as markdown.

export const COLUMNS = ['measurement', 'value', 'baseline', 'ratio', 'goal', 'result', 'peak RSS'];

/**
 * One row. `pass` is true, false, or undefined when there is no goal (or it was not measured).
 * `skipped` is a reason: the row is printed with it instead of numbers.
 */
export function row({ measurement, value = '—', baseline = '—', ratio = '—', goal = '—', pass, peakRss = '—', skipped }) {
  if (skipped) return { measurement, value: '—', baseline: '—', ratio: '—', goal, result: `skipped: ${skipped}`, 'peak RSS': '—' };
  const result = pass === true ? 'pass' : pass === false ? '**FAIL**' : 'info';
  return { measurement, value, baseline, ratio, goal, result, 'peak RSS': peakRss };
}

export function markdownTable(rows, columns = COLUMNS) {
  const escapeCell = (text) => String(text).replace(/\|/g, '\\|');
  const lines = [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${columns.map((c) => escapeCell(r[c] ?? '')).join(' | ')} |`);
  return lines.join('\n');
}
