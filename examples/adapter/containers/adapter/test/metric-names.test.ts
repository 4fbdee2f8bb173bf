import { describe, expect, it } from 'vitest';
import { toMetricName } from '../src/translate';
import { adapter, appServing, get, SAMPLE_STATUS, sampleLines, value } from './helpers';

describe('names of the generic "metrics" gauges', () => {
  it.each([
    ['queueDepth', 'queue_depth'],
    ['HTTPErrors', 'http_errors'],
    ['cache.hit-ratio', 'cache_hit_ratio'],
    ['jobs_done', 'jobs_done'],
    ['  spaced out  ', 'spaced_out'],
    ['p99LatencyMs', 'p99_latency_ms'],
    ['été', 't'],
  ])('%j becomes %j', (key, name) => {
    expect(toMetricName(key)).toBe(name);
  });

  it('skips and counts entries that are not numbers, have no usable name, or clash with a known metric', async () => {
    const metrics = { queueDepth: 3, label: 'blue', on: true, missing: null, '...': 1, uptimeSeconds: 99, queue_depth: 4 };
    const amb = await adapter(await appServing(() => ({ ...SAMPLE_STATUS, metrics })));

    const { body } = await get(amb.port);

    expect(sampleLines(body).filter((l) => l.startsWith('app_queue') || l.startsWith('app_uptime'))).toEqual([
      'app_uptime_seconds 12.5',
      'app_queue_depth 3',
    ]);
    expect(value(body, 'adapter_skipped_fields')).toBe(6);
    expect(value(body, 'adapter_up')).toBe(1);
  });
});
