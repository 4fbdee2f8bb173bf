import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gaugeNameProblem } from '../src/prometheus-names';
import { adapter, appServing, get, SAMPLE_STATUS, value } from './helpers';

/**
 * `promtool check metrics` (Prometheus's own linter, in Debian's and most distributions'
 * prometheus package) reads an exposition on stdin and names every problem it finds.
 * Skipped where promtool is not installed; the project's e2e suite requires it in CI.
 */
const hasPromtool = !spawnSync('promtool', ['--version']).error;

function promtool(exposition: string): { ok: boolean; problems: string[] } {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  const problems = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { ok: run.status === 0, problems };
}

/** Keys an app might well choose, each breaking one of Prometheus's naming conventions, and a few that break none. */
const KEYS = [
  'jobsTotal',
  'cacheHitCount',
  'latencySum',
  'latencyBucket',
  'queueGauge',
  'retryCounter_x',
  'waitHistogram',
  'latencyMs',
  'uptimeSec',
  'sizeKb',
  'cpu_s',
  'latencyMilliseconds',
  'ageHours',
  'diskKilobytes',
  'payloadBits',
  'queueDepth',
  'cacheHitRatio',
  'diskBytes',
  'temperatureCelsius',
  'total',
  'count',
  'constructor',
];

describe.skipIf(!hasPromtool)('the metrics, checked by promtool', () => {
  it('finds nothing wrong with a scrape of the sample status', async () => {
    const amb = await adapter(await appServing(() => SAMPLE_STATUS));
    const { body } = await get(amb.port);
    expect(promtool(body)).toEqual({ ok: true, problems: [] });
  });

  it('finds nothing wrong when the app names its fields against the conventions: those are left out and counted', async () => {
    const metrics = Object.fromEntries(KEYS.map((key, i) => [key, i]));
    const amb = await adapter(await appServing(() => ({ ...SAMPLE_STATUS, metrics })));
    const { body } = await get(amb.port);

    expect(promtool(body)).toEqual({ ok: true, problems: [] });
    const exported = KEYS.filter((key) => body.includes(`The app's "metrics.${key}".`));
    expect(exported).toEqual(['queueDepth', 'cacheHitRatio', 'diskBytes', 'temperatureCelsius', 'constructor']);
    expect(value(body, 'adapter_skipped_fields')).toBe(KEYS.length - exported.length);
  });

  it('finds nothing wrong with what the adapter says while the app is down', async () => {
    const amb = await adapter(1);
    const { body } = await get(amb.port);
    expect(value(body, 'adapter_up')).toBe(0);
    expect(promtool(body)).toEqual({ ok: true, problems: [] });
  });

  it('agrees with gaugeNameProblem on every name: the adapter leaves out exactly what promtool rejects', () => {
    const names = KEYS.map((key) => `app_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}`);
    const exposition = names.map((name) => `# HELP ${name} x\n# TYPE ${name} gauge\n${name} 1\n`).join('');
    const { problems } = promtool(exposition);
    const rejectedByPromtool = names.filter((name) => problems.some((line) => line.startsWith(`${name} `)));
    expect(names.filter((name) => gaugeNameProblem(name) !== undefined)).toEqual(rejectedByPromtool);
  });
});
