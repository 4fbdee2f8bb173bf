import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/lang.js';
import { CHECKS, FAMILIES, checksIn, lintPaths, lintText } from '../../src/lint/index.js';
import { fixtureFolders, listFixtures, writeFixtures } from './support/fixtures.js';

const fixture = writeFixtures();
const FIXTURES = listFixtures();

function variants(id: string, kind: 'pass' | 'fail'): string[] {
  return FIXTURES.filter((f) => f.check === id && f.kind === kind).map((f) => f.name);
}

describe('the check registry', () => {
  it('has unique kebab-case ids, each described', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.description.length).toBeGreaterThan(20);
    }
  });

  it('has the words of every check, and of no other, in every language, with the same ids, families and severities', () => {
    for (const lang of LANGS) {
      expect(Object.keys(lintText(lang).checks).sort(), lang).toEqual(CHECKS.map((c) => c.id).sort());
      const checks = checksIn(lang);
      expect(checks.map(({ id, family, severity, appliesTo }) => ({ id, family, severity, appliesTo }))).toEqual(
        CHECKS.map(({ id, family, severity, appliesTo }) => ({ id, family, severity, appliesTo })),
      );
      for (const check of checks) expect(check.description, `${lang} ${check.id}`).toBe(lintText(lang).checks[check.id].description);
    }
  });

  it('lists the checks family by family, pod design first', () => {
    const order = [...new Set(CHECKS.map((c) => c.family))];
    expect(order).toEqual([...FAMILIES]);
    expect(order[0]).toBe('pod-design');
  });

  it('has a pass.yaml and a fail.yaml fixture for every check, and no fixture folder without a check', () => {
    for (const check of CHECKS) {
      expect(variants(check.id, 'pass'), check.id).toContain('pass.yaml');
      expect(variants(check.id, 'fail'), check.id).toContain('fail.yaml');
    }
    expect(fixtureFolders().sort()).toEqual(CHECKS.map((c) => c.id).sort());
  });

  it('finds nothing in the base every fixture is derived from', async () => {
    const { findings, objects } = await lintPaths([fixture('base.yaml')]);
    expect(findings).toEqual([]);
    expect(objects).toBe(2);
  });
});

describe.each(CHECKS.map((c) => [c.id, c] as const))('%s', (id, check) => {
  it.each(variants(id, 'pass'))('finds nothing in %s', async (file) => {
    const { findings } = await lintPaths([fixture(`${id}/${file}`)]);
    expect(findings).toEqual([]);
  });

  it.each(variants(id, 'fail'))('reports only %s in its fail fixture %s', async (file) => {
    const { findings } = await lintPaths([fixture(`${id}/${file}`)]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.check)).toEqual(findings.map(() => id));
    for (const f of findings) {
      expect(f.severity).toBe(check.severity);
      expect(f.source).toBe(fixture(`${id}/${file}`));
      expect(f.message).not.toBe('');
      expect(f.fix).not.toBe('');
    }
  });
});
