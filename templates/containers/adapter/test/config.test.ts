import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const env = {
  LISTEN_PORT: '9102',
  METRICS_PATH: '/metrics',
  APP_STATUS_URL: 'http://127.0.0.1:8080/status',
  SCRAPE_TIMEOUT_MS: '2000',
  METRIC_PREFIX: 'app_',
  MAX_STATUS_BYTES: '1048576',
  MAX_SERIES: '10000',
};

describe('adapter config from the environment', () => {
  it('reads the manifest values', () => {
    expect(readConfig(env)).toEqual({
      listenPort: 9102,
      metricsPath: '/metrics',
      appStatusUrl: new URL('http://127.0.0.1:8080/status'),
      scrapeTimeoutMs: 2000,
      metricPrefix: 'app_',
      maxStatusBytes: 1048576,
      maxSeries: 10000,
      shutdownDrainMs: 5000,
    });
  });

  it('names the variable that is missing or wrong', () => {
    const { METRIC_PREFIX: _, ...noPrefix } = env;
    expect(() => readConfig(noPrefix)).toThrow('METRIC_PREFIX is not set');
    expect(() => readConfig({ ...env, METRIC_PREFIX: '9app-' })).toThrow('METRIC_PREFIX must be letters, digits and "_"');
    expect(() => readConfig({ ...env, APP_STATUS_URL: '127.0.0.1:8080/status' })).toThrow('APP_STATUS_URL must be an http:// URL');
    expect(() => readConfig({ ...env, METRICS_PATH: 'metrics' })).toThrow('METRICS_PATH must start with "/"');
    expect(() => readConfig({ ...env, SCRAPE_TIMEOUT_MS: '2s' })).toThrow('SCRAPE_TIMEOUT_MS must be a whole number');
    expect(() => readConfig({ ...env, MAX_STATUS_BYTES: '1MiB' })).toThrow('MAX_STATUS_BYTES must be a whole number');
    expect(() => readConfig({ ...env, MAX_SERIES: '0' })).toThrow('MAX_SERIES must be a whole number from 1');
  });

  it('names every missing or wrong variable in one error', () => {
    const { METRIC_PREFIX: _, ...noPrefix } = env;
    expect(() => readConfig({ ...noPrefix, METRICS_PATH: 'metrics', APP_STATUS_URL: 'ftp://x', MAX_SERIES: '0' })).toThrow(
      'bad environment: METRICS_PATH must start with "/", got "metrics"; APP_STATUS_URL must be an http:// URL, got "ftp://x"; METRIC_PREFIX is not set; MAX_SERIES must be a whole number from 1 to 10000000, got "0"',
    );
  });
});
