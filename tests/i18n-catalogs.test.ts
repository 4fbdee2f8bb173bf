import { describe, expect, it } from 'vitest';
import * as en from '../src/i18n/en/index.js';
import * as ko from '../src/i18n/ko/index.js';

type Tree = Record<string, unknown>;
const HANGUL = /[\uac00-\ud7a3]/;

/** Every leaf of a catalog as `path -> value`. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [p, v] of leaves(value as Tree, path)) out.set(p, v);
    else out.set(path, value);
  }
  return out;
}

const EN = leaves(en as unknown as Tree);
const KO = leaves(ko as unknown as Tree);

describe('the message catalogs', () => {
  it('have the same keys in English and Korean', () => {
    expect([...KO.keys()].sort()).toEqual([...EN.keys()].sort());
    expect(EN.size).toBeGreaterThan(0);
  });

  it.each([...EN.keys()])('%s has the same shape in both, and Korean text where English has words', (key) => {
    const e = EN.get(key);
    const k = KO.get(key);
    expect(typeof k).toBe(typeof e);
    if (typeof e === 'function') expect((k as () => string).length).toBe(e.length);
    if (typeof e === 'string') {
      expect(k).not.toBe('');
      // Text a person reads is translated; a command, a path or a number may stay as it is.
      if (/[a-z]{3,} [a-z]{3,}/i.test(e)) expect(k as string).toMatch(HANGUL);
    }
    if (Array.isArray(e)) expect((k as unknown[]).length).toBe(e.length);
  });
});
