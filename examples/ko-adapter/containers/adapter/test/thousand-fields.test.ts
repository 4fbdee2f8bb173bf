import { describe, expect, it } from 'vitest';
import { adapter, appServing, get, SAMPLE_STATUS, sampleLines } from './helpers';

function statusWith(fields: number, offset = 0) {
  const metrics: Record<string, number> = {};
  for (let i = 0; i < fields; i++) metrics[`field${i}Value`] = i + offset;
  return { ...SAMPLE_STATUS, metrics };
}

describe('a status with 1,000 fields in "metrics"', () => {
  it('exports each as a gauge, with the values of the latest read', async () => {
    let status = statusWith(1000);
    const amb = await adapter(await appServing(() => status));

    const first = sampleLines((await get(amb.port)).body).filter((l) => /^app_field\d+_value /.test(l));
    expect(first).toHaveLength(1000);
    expect(first[0]).toBe('app_field0_value 0');
    expect(first[999]).toBe('app_field999_value 999');

    status = statusWith(1000, 7);
    const second = (await get(amb.port)).body;

    expect(second).toContain('app_field500_value 507\n');
    expect(second).not.toContain('app_field500_value 500\n');
  });

  it('drops fields the app no longer reports', async () => {
    let status = statusWith(1000);
    const amb = await adapter(await appServing(() => status));
    await get(amb.port);

    status = statusWith(10);
    const lines = sampleLines((await get(amb.port)).body).filter((l) => l.startsWith('app_field'));

    expect(lines).toHaveLength(10);
  });
});
