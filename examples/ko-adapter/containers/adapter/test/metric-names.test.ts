import { describe, expect, it } from 'vitest';
import { gaugeNameProblem } from '../src/prometheus-names';
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

  it.each([
    ['app_queue_depth', undefined],
    ['app_disk_bytes', undefined],
    ['app_temperature_celsius', undefined],
    ['app_constructor', undefined],
    ['app_jobs_total', 'the suffix "_total" is for counters'],
    ['app_cache_hit_count', 'the suffix "_count" is for summaries and histograms'],
    ['app_latency_sum', 'the suffix "_sum" is for summaries and histograms'],
    ['app_latency_bucket', 'the suffix "_bucket" is for histograms'],
    ['app_queue_gauge', 'names the type "gauge"'],
    ['app_retry_counter_x', 'names the type "counter"'],
    ['app_latency_ms', 'abbreviated unit "ms"'],
    ['app_cpu_s', 'abbreviated unit "s"'],
    ['app_latency_milliseconds', 'unit "milliseconds" instead of the base unit "seconds"'],
    ['app_age_hours', 'unit "hours" instead of the base unit "seconds"'],
    ['app_disk_kilobytes', 'unit "kilobytes" instead of the base unit "bytes"'],
    ['app_queueDepth', 'camelCase, not snake_case'],
  ])('%j as a gauge: %j', (name, problem) => {
    expect(gaugeNameProblem(name)).toBe(problem);
  });

  it('skips and counts entries that are not numbers, have no usable name, or clash with a known metric', async () => {
    const metrics = {
      queueDepth: 3,
      label: 'blue',
      on: true,
      missing: null,
      '...': 1,
      uptimeSeconds: 99,
      queue_depth: 4,
      latencyMs: 5,
      jobsTotal: 6,
    };
    const amb = await adapter(await appServing(() => ({ ...SAMPLE_STATUS, metrics })));

    const { body } = await get(amb.port);

    expect(sampleLines(body).filter((l) => l.startsWith('app_queue') || l.startsWith('app_uptime'))).toEqual([
      'app_uptime_seconds 12.5',
      'app_queue_depth 3',
    ]);
    expect(value(body, 'adapter_skipped_fields')).toBe(8);
    expect(value(body, 'adapter_up')).toBe(1);
  });
});
