import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const base = { PORT: '8080', SERVICE_NAME: 'demo', SHUTDOWN_DRAIN_MS: '5000' };

describe('readConfig', () => {
  it('reads the variables every pattern sets', () => {
    expect(readConfig(base)).toEqual({ port: 8080, serviceName: 'demo', shutdownDrainMs: 5000 });
  });

  it('adds the access log (sidecar) and the upstream (ambassador) when set', () => {
    const config = readConfig({
      ...base,
      ACCESS_LOG: '/var/log/app/access.log',
      ACCESS_LOG_MAX_BYTES: '1048576',
      ACCESS_LOG_ROTATED_FILES: '4',
      UPSTREAM_URL: 'http://127.0.0.1:9000',
      UPSTREAM_TIMEOUT_MS: '3000',
    });
    expect(config.accessLog).toEqual({ path: '/var/log/app/access.log', maxBytes: 1048576, keep: 4 });
    expect(config.upstream).toEqual({ url: 'http://127.0.0.1:9000', timeoutMs: 3000 });
  });

  it('names every missing variable at once', () => {
    expect(() => readConfig({})).toThrow('PORT is not set; SERVICE_NAME is not set; SHUTDOWN_DRAIN_MS is not set');
  });

  it('says what is wrong with a bad number', () => {
    expect(() => readConfig({ ...base, PORT: '80a' })).toThrow('PORT must be a whole number from 0 to 65535, got "80a"');
    expect(() => readConfig({ ...base, PORT: '70000' })).toThrow(/PORT must be a whole number/);
    expect(() => readConfig({ ...base, SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_MS must be a whole number/);
  });

  it('wants the companion variable of an optional feature', () => {
    expect(() => readConfig({ ...base, ACCESS_LOG: '/tmp/a.log' })).toThrow(
      'ACCESS_LOG_MAX_BYTES is not set; ACCESS_LOG_ROTATED_FILES is not set',
    );
    expect(() => readConfig({ ...base, UPSTREAM_URL: 'http://127.0.0.1:9000' })).toThrow('UPSTREAM_TIMEOUT_MS is not set');
  });

  it('wants UPSTREAM_URL to be an http:// URL', () => {
    expect(() => readConfig({ ...base, UPSTREAM_URL: '127.0.0.1:9000', UPSTREAM_TIMEOUT_MS: '1' })).toThrow(
      /UPSTREAM_URL must be an http:\/\/ URL/,
    );
  });
});
