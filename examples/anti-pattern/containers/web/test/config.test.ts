import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const base = { PORT: '8000', SERVICE_NAME: 'shop', SHUTDOWN_DRAIN_MS: '5000', APP_URL: 'http://shop-app:80', APP_TIMEOUT_MS: '2000' };

describe('web config from the environment', () => {
  it('reads the variables the manifest sets, BODY_MAX_BYTES defaulting to 64 KiB', () => {
    expect(readConfig(base)).toEqual({
      port: 8000,
      serviceName: 'shop',
      shutdownDrainMs: 5000,
      appUrl: new URL('http://shop-app:80'),
      appTimeoutMs: 2000,
      bodyMaxBytes: 65536,
    });
    expect(readConfig({ ...base, BODY_MAX_BYTES: '100' }).bodyMaxBytes).toBe(100);
  });

  it('names every problem at once', () => {
    expect(() => readConfig({})).toThrow(
      'PORT is not set; SERVICE_NAME is not set; SHUTDOWN_DRAIN_MS is not set; APP_URL is not set; APP_TIMEOUT_MS is not set',
    );
    expect(() => readConfig({ ...base, APP_URL: 'shop-app:80', APP_TIMEOUT_MS: '0' })).toThrow(
      'APP_URL must be an http:// URL such as http://shop-app:80, got "shop-app:80"; APP_TIMEOUT_MS must be a whole number from 1 to 600000, got "0"',
    );
    expect(() => readConfig({ ...base, APP_URL: 'https://shop-app' })).toThrow(/APP_URL must be an http:\/\//);
    expect(() => readConfig({ ...base, APP_URL: 'http://shop-app/?x=1' })).toThrow(/APP_URL must be an http:\/\//);
  });
});
