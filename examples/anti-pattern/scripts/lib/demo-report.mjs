// What `npm run demo` says, from what it measured: sentences filled in from the language's
// text, the per-lesson tallies and the summary table. Pure.

import { fill } from './text-fill.mjs';

/** The failure lesson's count over rounds of `{ page, api }` answers (see demo-http.mjs). */
export function tallyFailure(rounds) {
  return {
    requests: rounds.length,
    pageOk: rounds.filter(({ page }) => page.status === 200).length,
    apiDatabaseUnavailable: rounds.filter(({ api }) => api.status === 503 && api.json?.error === 'database unavailable').length,
    // No HTTP answer at all: refused, reset or timed out, as when a Service has no ready endpoint.
    failed: rounds.filter(({ page }) => page.status === undefined).length,
  };
}

/** The scaling lesson's reading of each web pod's GET /api/visits answer. */
export function tallyScaling(reads, { replicas, writes }) {
  const answered = reads.filter((read) => read.status === 200 && typeof read.json?.visits === 'number');
  return {
    replicas,
    writes,
    databases: new Set(answered.map((read) => read.json.db)).size,
    answers: reads.map((read) => (answered.includes(read) ? read.json.visits : null)),
  };
}

/** The rollout lesson's comparison of GET /api/visits before and after. */
export function tallyRollout(before, after) {
  const known = (read) => read.status === 200 && read.json?.db !== undefined;
  return {
    dbRestarted: known(before) && known(after) ? before.json.db !== after.json.db : null,
    visitsBefore: known(before) ? before.json.visits : null,
    visitsAfter: known(after) ? after.json.visits : null,
  };
}

/** The rows of the summary table, [lesson, measure, anti-pattern, fix], for the lessons measured. */
export function summaryRows(results, text) {
  const { rows, yes, no, none, lessons } = text.summary;
  const shown = (value) => (value === null || value === undefined ? none : value === true ? yes : value === false ? no : String(value));
  const outOf = (n, of) => `${n}/${of}`;
  const measures = {
    scaling: [
      [rows.databases, (x) => shown(x.databases)],
      [fill(rows.answers, { writes: results.scaling?.fix?.writes }), (x) => x.answers.map(shown).join(', ')],
    ],
    failure: [
      [rows.pageOk, (x) => outOf(x.pageOk, x.requests)],
      [rows.apiDatabaseUnavailable, (x) => outOf(x.apiDatabaseUnavailable, x.requests)],
      [rows.failed, (x) => outOf(x.failed, x.requests)],
    ],
    rollout: [
      [rows.dbRestarted, (x) => shown(x.dbRestarted)],
      [rows.visits, (x) => `${shown(x.visitsBefore)} -> ${shown(x.visitsAfter)}`],
    ],
  };
  return Object.entries(measures)
    .filter(([lesson]) => results[lesson]?.antiPattern && results[lesson]?.fix)
    .flatMap(([lesson, list]) =>
      list.map(([measure, pick], i) => [
        i === 0 ? lessons[lesson] : '',
        measure,
        pick(results[lesson].antiPattern),
        pick(results[lesson].fix),
      ]),
    );
}

/** A plain-text table; Hangul and other wide characters count as two columns, as terminals show them. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column]))));
  const line = (row) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column] - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export const displayWidth = (text) => [...text].reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0);
