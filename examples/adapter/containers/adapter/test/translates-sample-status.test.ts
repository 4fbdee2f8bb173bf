import { describe, expect, it } from 'vitest';
import { adapter, appServing, get, SAMPLE_STATUS, sampleLines } from './helpers';

describe('translation of the app status', () => {
  it('turns the sample status into exactly these metrics', async () => {
    const amb = await adapter(await appServing(() => SAMPLE_STATUS));

    const { status, body } = await get(amb.port);

    expect(status).toBe(200);
    expect(sampleLines(body).filter((l) => l.startsWith('app_'))).toEqual([
      'app_info{service="demo",version="0.1.0"} 1',
      'app_start_time_seconds 1714557600',
      'app_uptime_seconds 12.5',
      'app_ready 1',
      'app_http_requests_total{status="200"} 40',
      'app_http_requests_total{status="404"} 2',
      'app_http_requests_in_flight 1',
      'app_http_request_duration_seconds_sum 0.53',
      'app_http_request_duration_seconds_count 42',
      'app_memory_rss_bytes 123',
      'app_memory_heap_used_bytes 456',
      'app_queue_depth 3',
    ]);
    expect(body).toContain('# TYPE app_http_requests_total counter\n');
    expect(body).toContain('# TYPE app_http_request_duration_seconds summary\n');
    expect(body).toContain('# TYPE app_queue_depth gauge\n');
    expect(body).toContain(`# HELP app_queue_depth The app's "metrics.queueDepth".\n`);
    expect(sampleLines(body)).toContain('adapter_up 1');
  });

  it("holds the app's own totals in counters, not sums of scrapes", async () => {
    let status: object = SAMPLE_STATUS;
    const amb = await adapter(await appServing(() => status));
    await get(amb.port);
    status = { ...SAMPLE_STATUS, ready: false, requests: { ...SAMPLE_STATUS.requests, byStatus: { '200': 45, '500': 1 } } };

    const lines = sampleLines((await get(amb.port)).body);

    expect(lines).toContain('app_http_requests_total{status="200"} 45');
    expect(lines).toContain('app_http_requests_total{status="500"} 1');
    expect(lines).not.toContain('app_http_requests_total{status="404"} 2');
    expect(lines).toContain('app_ready 0');
  });

  it('leaves out a known field the app does not report', async () => {
    const { memory: _, ...withoutMemory } = SAMPLE_STATUS;
    const amb = await adapter(await appServing(() => withoutMemory));

    const { body } = await get(amb.port);

    expect(body).not.toContain('app_memory_');
    expect(body).toContain('app_uptime_seconds 12.5');
  });
});
