// The demo's counting and table: what each lesson's answers add up to.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeShopProject, importLib } from './shop.mjs';

const root = await fakeShopProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const { displayWidth, summaryRows, table, tallyFailure, tallyRollout, tallyScaling } = await importLib(root, 'demo-report.mjs');
const { text } = await importLib(root, 'demo-text.mjs');
const { fill } = await importLib(root, 'text-fill.mjs');

const ok = (json) => ({ status: 200, json });
const noAnswer = { error: 'ECONNRESET' };
const unavailable = { status: 503, json: { error: 'database unavailable', detail: 'ECONNREFUSED' } };

describe('tallies', () => {
  it('scaling: one answer per web pod, databases counted by instance id, an unanswered read kept as null', () => {
    const reads = [ok({ visits: 4, db: 'a' }), ok({ visits: 3, db: 'b' }), noAnswer];
    expect(tallyScaling(reads, { replicas: 3, writes: 10 })).toEqual({ replicas: 3, writes: 10, databases: 2, answers: [4, 3, null] });
  });

  it('failure: page served, "database unavailable" and no answer are counted apart', () => {
    const rounds = [
      { page: ok(), api: unavailable },
      { page: noAnswer, api: noAnswer },
      { page: { status: 502 }, api: { status: 503, json: { error: 'app unavailable' } } },
    ];
    expect(tallyFailure(rounds)).toEqual({ requests: 3, pageOk: 1, apiDatabaseUnavailable: 1, failed: 1 });
  });

  it('rollout: a restart is a new instance id; an unanswered read says nothing (null), never a guess', () => {
    expect(tallyRollout(ok({ visits: 10, db: 'a' }), ok({ visits: 0, db: 'b' }))).toEqual({
      dbRestarted: true,
      visitsBefore: 10,
      visitsAfter: 0,
    });
    expect(tallyRollout(ok({ visits: 10, db: 'a' }), ok({ visits: 10, db: 'a' }))).toEqual({
      dbRestarted: false,
      visitsBefore: 10,
      visitsAfter: 10,
    });
    expect(tallyRollout(ok({ visits: 10, db: 'a' }), noAnswer)).toEqual({ dbRestarted: null, visitsBefore: 10, visitsAfter: null });
  });
});

describe('what is printed', () => {
  it('fills names in, leaving unknown ones as written', () => {
    expect(fill('{n} of {total} {x}', { n: 0, total: 10 })).toBe('0 of 10 {x}');
  });

  it('the summary has a row per measure, the lesson named once', () => {
    const results = {
      scaling: { antiPattern: { databases: 3, answers: [4, 3, 3], writes: 10 }, fix: { databases: 1, answers: [10, 10, 10], writes: 10 } },
      failure: {
        antiPattern: { requests: 10, pageOk: 0, apiDatabaseUnavailable: 0, failed: 10 },
        fix: { requests: 10, pageOk: 10, apiDatabaseUnavailable: 10, failed: 0 },
      },
      rollout: {
        antiPattern: { dbRestarted: true, visitsBefore: 10, visitsAfter: 0 },
        fix: { dbRestarted: false, visitsBefore: 10, visitsAfter: null },
      },
    };
    const rows = summaryRows(results, text);
    expect(rows.map((row) => row.slice(2))).toEqual([
      ['3', '1'],
      ['4, 3, 3', '10, 10, 10'],
      ['0/10', '10/10'],
      ['0/10', '10/10'],
      ['10/10', '0/10'],
      [text.summary.yes, text.summary.no],
      ['10 -> 0', `10 -> ${text.summary.none}`],
    ]);
    expect(rows.filter((row) => row[0] !== '').map((row) => row[0])).toEqual(Object.values(text.summary.lessons));
    expect(summaryRows({ scaling: results.scaling }, text)).toHaveLength(2);
  });

  it('lines the columns up, Hangul counting as two columns', () => {
    expect(displayWidth('스케일 x')).toBe(8);
    const lines = table(
      ['교훈', 'b'],
      [
        ['스케일', '1'],
        ['ab', '22'],
      ],
    ).split('\n');
    expect(lines).toEqual(['교훈    b', '------  --', '스케일  1', 'ab      22']);
  });
});
