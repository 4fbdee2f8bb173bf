import { describe, expect, it } from 'vitest';
import { adapter, appServing, get, SAMPLE_STATUS, sampleLines } from './helpers';

describe('METRIC_PREFIX', () => {
  it('goes in front of every app metric, and of no adapter metric', async () => {
    const amb = await adapter(await appServing(() => SAMPLE_STATUS), { metricPrefix: 'shop_' });

    const lines = sampleLines((await get(amb.port)).body);

    expect(lines).toContain('shop_uptime_seconds 12.5');
    expect(lines).toContain('shop_queue_depth 3');
    expect(lines).toContain('adapter_up 1');
    expect(lines.filter((l) => !l.startsWith('shop_') && !l.startsWith('adapter_'))).toEqual([]);
  });

  it('may be empty', async () => {
    const amb = await adapter(await appServing(() => SAMPLE_STATUS), { metricPrefix: '' });
    const lines = sampleLines((await get(amb.port)).body);
    expect(lines).toContain('uptime_seconds 12.5');
    expect(lines).toContain('queue_depth 3');
  });
});
