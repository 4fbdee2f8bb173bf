import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const env = {
  LISTEN_HOST: '127.0.0.1',
  LISTEN_PORT: '9000',
  HEALTH_PORT: '9001',
  UPSTREAMS: 'demo-upstream-primary:9081, demo-upstream-backup:9082',
  CONNECT_TIMEOUT_MS: '1000',
  IDLE_TIMEOUT_MS: '30000',
  RETRY_AFTER_MS: '2000',
  DNS_REFRESH_MS: '5000',
};

describe('ambassador config from the environment', () => {
  it('reads the manifest values, upstreams in order', () => {
    expect(readConfig(env)).toEqual({
      listenHost: '127.0.0.1',
      listenPort: 9000,
      healthPort: 9001,
      upstreams: [
        { host: 'demo-upstream-primary', port: 9081, label: 'demo-upstream-primary:9081' },
        { host: 'demo-upstream-backup', port: 9082, label: 'demo-upstream-backup:9082' },
      ],
      connectTimeoutMs: 1000,
      idleTimeoutMs: 30000,
      retryAfterMs: 2000,
      dnsRefreshMs: 5000,
      shutdownDrainMs: 5000,
    });
  });

  it('accepts bracketed IPv6 upstreams', () => {
    expect(readConfig({ ...env, UPSTREAMS: '[::1]:9081' }).upstreams).toEqual([{ host: '::1', port: 9081, label: '[::1]:9081' }]);
  });

  it('names the variable that is missing or wrong', () => {
    const { UPSTREAMS: _, ...noUpstreams } = env;
    expect(() => readConfig(noUpstreams)).toThrow('UPSTREAMS is not set');
    expect(() => readConfig({ ...env, UPSTREAMS: 'primary' })).toThrow('UPSTREAMS must be a comma-separated list of host:port, got "primary"');
    expect(() => readConfig({ ...env, UPSTREAMS: 'primary:0' })).toThrow('got "primary:0"');
    expect(() => readConfig({ ...env, CONNECT_TIMEOUT_MS: '1s' })).toThrow('CONNECT_TIMEOUT_MS must be a whole number');
    expect(() => readConfig({ ...env, CONNECT_TIMEOUT_MS: '0' })).toThrow('CONNECT_TIMEOUT_MS must be a whole number from 1');
  });
});
