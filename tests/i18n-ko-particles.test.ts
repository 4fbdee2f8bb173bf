import { describe, expect, it } from 'vitest';
import { cli } from '../src/i18n/ko/cli.js';
import { demo } from '../src/i18n/ko/demo.js';
import { lesson } from '../src/i18n/ko/lesson.js';
import { lint } from '../src/i18n/ko/lint.js';
import { manifests } from '../src/i18n/ko/manifests.js';
import { readme } from '../src/i18n/ko/readme.js';
import { scripts } from '../src/i18n/ko/scripts.js';

/**
 * A Korean particle depends on the last sound of the word it follows: `app`은 but `log-shipper`는,
 * 9000을 but 8080을... and 2를. A catalog cannot know the sound of a value it is handed (a name, a
 * port, a field), so it must never glue such a particle straight onto one: it puts a noun after
 * it (`${name}` 컨테이너는, `--port ${port}` 옵션을) or a particle that fits every sound (에, 의, 도, 보다).
 *
 * Every sentence of the four catalogs is rendered with marker values, each variant with lists of
 * one, two and three items and both sides of every switch, and the text right after each marker is read.
 */
type Catalog = Record<string, unknown>;

const NUMBERS = [
  'replicas',
  'ready',
  'count',
  'files',
  'objects',
  'findings',
  'errors',
  'warnings',
  'grace',
  'id',
  'hostPort',
  'rotatedFiles',
  'intervalMs',
  'fall',
  'rise',
  'maxSeries',
  'writes',
  'downSeconds',
];
const LISTS = ['containers', 'helpers', 'others', 'examples', 'fields', 'reasons', 'items', 'claims', 'spread'];
/** Facts handed in as objects (the anti-pattern README's two designs): each field a marker of its own. */
const NESTED = ['wrong', 'fix', 'ports'];
/** Numbers no sentence has of its own, so a marker number in the output is a value handed in. */
const numberMarker = (key: string) => 7100 + NUMBERS.indexOf(key);
/**
 * A marker, what may close it (a code span, a quote, bold, a `<placeholder>`), and a particle that
 * ends there or runs on into one that fits any sound (`"x"로는` is as wrong as `"x"로`).
 */
const MARKER = /(ZQ[A-Za-z0-9]+|71\d\d)([`"*>]*)(\s?)(으로|은|는|이|가|을|를|과|와|로)(?=는|도|의|서|써|부터|[^가-힣]|$)/g;

/** Values a switch takes in variants 1, 2 and 3, so that each side of it is rendered. */
type Switches = Record<string, readonly unknown[]>;
const SWITCHES: Switches = {
  what: ['group', 'user', 'user'],
  mode: ['classic', 'native', 'native'],
  sidecarMode: ['classic', 'native', 'native'],
  sharesVolumes: [false, true, true],
  dangling: [false, true, true],
};

/** The arguments a sentence may ask for, by name; `n` picks list sizes and switch sides. */
function args(n: 1 | 2 | 3, switches: Switches): Record<string, unknown> {
  const list = (key: string, size: number) => Array.from({ length: size }, (_, i) => `ZQ${key}${i}`);
  return new Proxy(
    {},
    {
      get: (_, key) => {
        if (typeof key !== 'string') return undefined;
        if (NUMBERS.includes(key)) return numberMarker(key);
        if (key === 'helpers') return list(key, n - 1);
        if (LISTS.includes(key)) return list(key, n);
        if (NESTED.includes(key))
          // A string where another catalog takes the same name as one value (lint's `ports`).
          return new Proxy(
            {},
            {
              get: (_, field) =>
                field === Symbol.toPrimitive ? () => `ZQ${key}` : typeof field === 'string' ? `ZQ${key}${field}` : undefined,
            },
          );
        if (key === 'mounts')
          return Array.from({ length: n }, (_, i) => ({ container: `ZQmount${i}`, path: `/ZQpath${i}`, readOnly: i % 2 === 0 }));
        if (key in switches) return switches[key]![n - 1];
        return `ZQ${key}`;
      },
    },
  );
}

/** `path -> text` for every sentence-making function of a catalog, rendered in every variant. */
function rendered(catalog: Catalog, prefix: string, switches: Switches): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, string][] => {
    const path = `${prefix}.${key}`;
    if (typeof value === 'function') return ([1, 2, 3] as const).map((n) => [`${path} (variant ${n})`, String(value(args(n, switches)))]);
    if (value && typeof value === 'object') return rendered(value as Catalog, path, switches);
    return [];
  });
}

/** Each particle glued to a marker value (through a closing backtick, quote or `**`, or one space after one). */
function gluedParticles(text: string): string[] {
  return [...text.matchAll(MARKER)]
    .filter(([, , closing, space, particle]) => !(space && (particle === '이' || !closing)))
    .map((m) => m[0]);
}

describe.each([
  // The CLI's `what` names the setting a value is refused for.
  ['cli', cli, { ...SWITCHES, what: ['pattern', 'target', 'sidecarMode'] }],
  ['readme', readme, SWITCHES],
  ['manifests', manifests, SWITCHES],
  ['lint', lint, SWITCHES],
  ['lesson', lesson, SWITCHES],
] as const)('the Korean %s catalog', (name, catalog, switches) => {
  const sentences = rendered(catalog as unknown as Catalog, name, switches);

  it('renders every sentence with the values it is handed', () => {
    expect(sentences.length).toBeGreaterThan(10);
    const withMarkers = sentences.filter(([, text]) => /ZQ|71\d\d/.test(text));
    expect(withMarkers.length).toBeGreaterThan(sentences.length / 3);
  });

  it('never glues a particle that depends on the last sound onto a value it cannot know', () => {
    const glued = sentences.flatMap(([path, text]) => gluedParticles(text).map((g) => `${path}: …${g}`));
    expect(glued).toEqual([]);
  });
});

/** `path -> text` for every template of a plain-text catalog (rendered into a project), each `{name}` a marker. */
function filledTemplates(catalog: Catalog, prefix: string): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, string][] => {
    const path = `${prefix}.${key}`;
    if (typeof value === 'string') return [[path, value.replace(/\{(\w+)\}/g, (_, name: string) => `ZQ${name}`)]];
    if (value && typeof value === 'object') return filledTemplates(value as Catalog, path);
    return [];
  });
}

describe.each([
  ['scripts', scripts],
  ['demo', demo],
] as const)('the Korean %s templates (scripts/lib/*.mjs of a project)', (name, catalog) => {
  it('never glue a particle that depends on the last sound onto a `{value}`', () => {
    const templates = filledTemplates(catalog as unknown as Catalog, name);
    expect(templates.filter(([, text]) => text.includes('ZQ')).length).toBeGreaterThan(5);
    const glued = templates.flatMap(([path, text]) => gluedParticles(text).map((g) => `${path}: …${g}`));
    expect(glued).toEqual([]);
  });
});
