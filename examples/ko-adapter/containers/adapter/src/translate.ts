/**
 * Translates the app's own status JSON into Prometheus metric families. No prom-client
 * here: the mapping reads, and is tested, as a plain table.
 *
 * The status the app serves (its format, not Prometheus's):
 *   {"service":"demo","version":"0.1.0","startedAt":"<ISO>","uptimeSeconds":12.5,"ready":true,
 *    "requests":{"total":42,"inFlight":1,"byStatus":{"200":40,"404":2},"durationSecondsSum":0.53},
 *    "memory":{"rssBytes":123,"heapUsedBytes":456},
 *    "metrics":{"queueDepth":3}}
 */
import { gaugeNameProblem } from './prometheus-names';

export type MetricKind = 'gauge' | 'counter' | 'summary';

export interface Sample {
  /** After the family's name: "_sum" and "_count" for a summary. */
  suffix?: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  kind: MetricKind;
  help: string;
  samples: Sample[];
}

export interface Translation {
  families: MetricFamily[];
  /** Entries of "metrics" left out: not a number, no name Prometheus takes for a gauge, or a name taken. */
  skipped: number;
  /** Series past `maxSeries`, left out so that one scrape's size has a bound. */
  dropped: number;
}

/** The status is not what the app's format promises, e.g. a string where a number belongs. */
export class MalformedStatusError extends Error {}

type Status = Record<string, unknown>;

interface Source {
  /** Where the value is in the status. */
  from: string;
  /** Its samples; undefined when the app left the field out. */
  read: (status: Status) => Sample[] | undefined;
}

interface KnownField extends Source {
  /** Metric name, after the prefix. */
  metric: string;
  kind: MetricKind;
  help: string;
}

/**
 * The fields the adapter knows, and the metric each becomes. A field the app leaves out
 * is not exported; one with the wrong type makes the whole status malformed, because the
 * app and the adapter no longer agree on the format. `requests.total` with
 * `requests.durationSecondsSum` is a summary (count and sum of request durations), the
 * shape Prometheus gives to "time spent, and how many times": rate(_sum) / rate(_count)
 * is the mean request duration.
 */
export const KNOWN_FIELDS: KnownField[] = [
  { ...info(), metric: 'info', kind: 'gauge', help: 'Always 1; the labels name the service and its version.' },
  {
    ...unixSeconds('startedAt'),
    metric: 'start_time_seconds',
    kind: 'gauge',
    help: 'When the app started, in seconds since the Unix epoch.',
  },
  { ...number('uptimeSeconds'), metric: 'uptime_seconds', kind: 'gauge', help: 'Seconds since the app started.' },
  { ...flag('ready'), metric: 'ready', kind: 'gauge', help: '1 when the app says it is ready for traffic, 0 otherwise.' },
  {
    ...countsByStatus('requests.byStatus'),
    metric: 'http_requests_total',
    kind: 'counter',
    help: 'Requests answered, by HTTP status code.',
  },
  { ...number('requests.inFlight'), metric: 'http_requests_in_flight', kind: 'gauge', help: 'Requests being served right now.' },
  {
    ...sumAndCount('requests.durationSecondsSum', 'requests.total'),
    metric: 'http_request_duration_seconds',
    kind: 'summary',
    help: 'Time spent answering requests, in seconds: the sum over all requests answered, and their count.',
  },
  { ...number('memory.rssBytes'), metric: 'memory_rss_bytes', kind: 'gauge', help: 'Resident memory of the app process, in bytes.' },
  {
    ...number('memory.heapUsedBytes'),
    metric: 'memory_heap_used_bytes',
    kind: 'gauge',
    help: 'JavaScript heap in use by the app, in bytes.',
  },
];

/** Every numeric entry of this object becomes a gauge named after its key. */
const GENERIC_FIELD = 'metrics';

/**
 * The status as metric families, at most `maxSeries` samples in all: known fields first,
 * then the entries of "metrics" in the app's order, up to the first that does not fit.
 */
export function translateStatus(status: unknown, prefix: string, maxSeries: number): Translation {
  if (!isObject(status)) throw new MalformedStatusError('status is not a JSON object');
  const families: MetricFamily[] = [];
  let room = maxSeries;
  let dropped = 0;
  // Whole families, in order, until one does not fit: the rest is dropped (never half a summary).
  const add = (family: MetricFamily) => {
    if (family.samples.length > room) room = 0;
    if (room === 0) dropped += family.samples.length;
    else {
      families.push(family);
      room -= family.samples.length;
    }
  };

  for (const field of KNOWN_FIELDS) {
    const samples = field.read(status);
    if (samples === undefined) continue;
    if (field.kind !== 'gauge' && samples.some((s) => s.value < 0)) {
      throw new MalformedStatusError(`"${field.from}" is a running total and cannot be negative`);
    }
    add({ name: prefix + field.metric, kind: field.kind, help: field.help, samples });
  }

  // Known names stay reserved even when absent, so a name never changes its type.
  const taken = new Set(KNOWN_FIELDS.map((f) => prefix + f.metric));
  let skipped = 0;
  const generic = lookup(status, GENERIC_FIELD);
  if (generic !== undefined && !isObject(generic)) throw new MalformedStatusError(`"${GENERIC_FIELD}" is not an object`);
  // for...in, not Object.entries: a status of 100,000 fields is not copied into another array.
  for (const key in generic) {
    const value = generic[key];
    const base = toMetricName(key);
    const name = prefix + base;
    if (typeof value !== 'number' || !Number.isFinite(value) || base === '' || gaugeNameProblem(name) || taken.has(name)) {
      skipped += 1;
      continue;
    }
    if (room === 0) {
      dropped += 1;
      continue;
    }
    taken.add(name);
    add({ name, kind: 'gauge', help: `The app's "${GENERIC_FIELD}.${key}".`, samples: [{ labels: {}, value }] });
  }
  return { families, skipped, dropped };
}

/** "queueDepth" -> "queue_depth", "HTTPErrors" -> "http_errors", "cache.hit-ratio" -> "cache_hit_ratio". */
export function toMetricName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// Readers for the table: each knows one field's type and turns its value into samples.

function number(from: string): Source {
  return {
    from,
    read: (status) => {
      const value = lookup(status, from);
      if (value === undefined) return undefined;
      if (typeof value !== 'number') throw wrongType(from, 'a number', value);
      return [{ labels: {}, value }];
    },
  };
}

function flag(from: string): Source {
  return {
    from,
    read: (status) => {
      const value = lookup(status, from);
      if (value === undefined) return undefined;
      if (typeof value !== 'boolean') throw wrongType(from, 'true or false', value);
      return [{ labels: {}, value: value ? 1 : 0 }];
    },
  };
}

function unixSeconds(from: string): Source {
  return {
    from,
    read: (status) => {
      const value = lookup(status, from);
      if (value === undefined) return undefined;
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      if (Number.isNaN(ms)) throw wrongType(from, 'an ISO date', value);
      return [{ labels: {}, value: ms / 1000 }];
    },
  };
}

/**
 * {"200":40,"404":2} -> two samples labelled status="200" and status="404". Keys are
 * three-digit HTTP status codes (what Node accepts), so the label has at most 900 values.
 */
function countsByStatus(from: string): Source {
  return {
    from,
    read: (status) => {
      const value = lookup(status, from);
      if (value === undefined) return undefined;
      if (!isObject(value)) throw wrongType(from, 'an object', value);
      const samples: Sample[] = [];
      for (const code in value) {
        if (!/^\d{3}$/.test(code)) throw new MalformedStatusError(`"${from}" should be keyed by HTTP status codes, got ${describe(code)}`);
        const count = value[code];
        if (typeof count !== 'number') throw wrongType(`${from}.${code}`, 'a number', count);
        samples.push({ labels: { status: code }, value: count });
      }
      return samples;
    },
  };
}

/** Two fields read together as a summary: their `_sum` and `_count` samples. */
function sumAndCount(sumFrom: string, countFrom: string): Source {
  const sum = number(sumFrom);
  const count = number(countFrom);
  return {
    from: `${sumFrom}, ${countFrom}`,
    read: (status) => {
      const sums = sum.read(status);
      const counts = count.read(status);
      if (sums === undefined || counts === undefined) return undefined;
      return [
        { suffix: '_sum', ...sums[0] },
        { suffix: '_count', ...counts[0] },
      ];
    },
  };
}

function info(): Source {
  return {
    from: 'service, version',
    read: (status) => {
      const service = lookup(status, 'service');
      const version = lookup(status, 'version');
      if (service === undefined && version === undefined) return undefined;
      if (service !== undefined && typeof service !== 'string') throw wrongType('service', 'a string', service);
      if (version !== undefined && typeof version !== 'string') throw wrongType('version', 'a string', version);
      return [{ labels: { service: service ?? '', version: version ?? '' }, value: 1 }];
    },
  };
}

/** The value at a dotted path; undefined if absent or null, malformed if a parent is not an object. */
function lookup(status: Status, path: string): unknown {
  let value: unknown = status;
  for (const key of path.split('.')) {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) throw new MalformedStatusError(`"${path}" cannot be read: a parent is ${describe(value)}, not an object`);
    value = value[key];
  }
  return value ?? undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(path: string, expected: string, value: unknown): MalformedStatusError {
  return new MalformedStatusError(`"${path}" should be ${expected}, got ${describe(value)}`);
}

/** A short description for an error message, however big or deep the value is. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'an object';
  return String(value);
}
