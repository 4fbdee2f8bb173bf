/**
 * Prometheus's naming conventions for a gauge, as `promtool check metrics` enforces them.
 * The app names its own "metrics" fields; a name that breaks a convention would mean
 * something else to Prometheus (a `_total` is a counter, a `_count` belongs to a summary),
 * so such a field is left out and counted rather than exported.
 */

/** Suffixes that give a name to another metric type. */
const RESERVED_SUFFIXES = new Map([
  ['total', 'counters'],
  ['count', 'summaries and histograms'],
  ['sum', 'summaries and histograms'],
  ['bucket', 'histograms'],
]);

const TYPE_WORDS = ['counter', 'gauge', 'histogram', 'summary'];

/** Abbreviations Prometheus wants spelt out: "latency_ms" should be "latency_seconds". */
const UNIT_ABBREVIATIONS = ['s', 'ms', 'us', 'ns', 'sec', 'b', 'kb', 'mb', 'gb', 'tb', 'pb', 'm', 'h', 'd'];

/** Units by the base unit Prometheus wants instead; a base unit maps to itself. */
const BASE_UNIT = new Map(
  Object.entries({
    amperes: 'amperes',
    bytes: 'bytes',
    celsius: 'celsius',
    grams: 'grams',
    joules: 'joules',
    kelvin: 'kelvin',
    meters: 'meters',
    metres: 'metres',
    seconds: 'seconds',
    volts: 'volts',
    minutes: 'seconds',
    hours: 'seconds',
    days: 'seconds',
    weeks: 'seconds',
    kelvins: 'kelvin',
    fahrenheit: 'celsius',
    rankine: 'celsius',
    inches: 'meters',
    yards: 'meters',
    miles: 'meters',
    bits: 'bytes',
    calories: 'joules',
    pounds: 'grams',
    ounces: 'grams',
  }),
);

const UNIT_PREFIXES = [
  'pico',
  'nano',
  'micro',
  'milli',
  'centi',
  'deci',
  'deca',
  'hecto',
  'kilo',
  'kibi',
  'mega',
  'mibi',
  'giga',
  'gibi',
  'tera',
  'tebi',
  'peta',
  'pebi',
];

/** Why `name` is not a good gauge name for Prometheus, or undefined if it is one. */
export function gaugeNameProblem(name: string): string | undefined {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) return 'not a valid metric name';
  if (/[a-z][A-Z]/.test(name)) return 'camelCase, not snake_case';
  const words = name.toLowerCase().split('_');
  // Prometheus matches "_<word>" inside the name or at its end: never the first word.
  const afterFirst = words.slice(1);
  const last = afterFirst[afterFirst.length - 1];
  const reservedFor = last === undefined ? undefined : RESERVED_SUFFIXES.get(last);
  if (reservedFor) return `the suffix "_${last}" is for ${reservedFor}`;
  const type = TYPE_WORDS.find((t) => afterFirst.includes(t));
  if (type) return `names the type "${type}"`;
  const abbreviation = afterFirst.find((w) => UNIT_ABBREVIATIONS.includes(w));
  if (abbreviation) return `abbreviated unit "${abbreviation}"`;
  for (const word of words) {
    const base = baseUnitOf(word);
    if (base !== undefined && base !== word) return `unit "${word}" instead of the base unit "${base}"`;
  }
  return undefined;
}

/** "milliseconds" -> "seconds", "hours" -> "seconds", "bytes" -> "bytes", "queue" -> undefined. */
function baseUnitOf(word: string): string | undefined {
  if (BASE_UNIT.has(word)) return BASE_UNIT.get(word);
  const prefix = UNIT_PREFIXES.find((p) => word.startsWith(p) && BASE_UNIT.has(word.slice(p.length)));
  return prefix === undefined ? undefined : BASE_UNIT.get(word.slice(prefix.length));
}
