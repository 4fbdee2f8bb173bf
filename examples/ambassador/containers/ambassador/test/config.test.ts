import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const env = {
  LISTEN_HOST: '127.0.0.1',
  LISTEN_PORT: '9000',
  HEALTH_PORT: '9001',
  UPSTREAMS: 'demo-upstream-primary:9081, demo-upstream-backup:9082',
  CONNECT_TIMEOUT_MS: '1000',
  FIRST_BYTE_TIMEOUT_MS: '1000',
  REPLAY_BUFFER_BYTES: '65536',
  IDLE_TIMEOUT_MS: '30000',
  HEALTH_CHECK_MODE: 'http',
  HEALTH_CHECK_PATH: '/readyz',
  HEALTH_CHECK_INTERVAL_MS: '1000',
  HEALTH_CHECK_TIMEOUT_MS: '500',
  HEALTH_CHECK_RISE: '2',
  HEALTH_CHECK_FALL: '3',
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
      firstByteTimeoutMs: 1000,
      replayBufferBytes: 65536,
      idleTimeoutMs: 30000,
      healthCheck: { mode: 'http', path: '/readyz', intervalMs: 1000, timeoutMs: 500, rise: 2, fall: 3 },
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
    expect(() => readConfig({ ...env, UPSTREAMS: 'primary' })).toThrow(
      'UPSTREAMS must be a comma-separated list of host:port, got "primary"',
    );
    expect(() => readConfig({ ...env, UPSTREAMS: 'primary:0' })).toThrow('got "primary:0"');
    expect(() => readConfig({ ...env, CONNECT_TIMEOUT_MS: '1s' })).toThrow('CONNECT_TIMEOUT_MS must be a whole number');
    expect(() => readConfig({ ...env, CONNECT_TIMEOUT_MS: '0' })).toThrow('CONNECT_TIMEOUT_MS must be a whole number from 1');
    expect(() => readConfig({ ...env, HEALTH_CHECK_MODE: 'udp' })).toThrow('HEALTH_CHECK_MODE must be http or tcp, got "udp"');
    expect(() => readConfig({ ...env, HEALTH_CHECK_PATH: 'readyz' })).toThrow('HEALTH_CHECK_PATH must be a path starting with /');
    expect(() => readConfig({ ...env, HEALTH_CHECK_RISE: '0' })).toThrow('HEALTH_CHECK_RISE must be a whole number from 1');
    expect(() => readConfig({ ...env, FIRST_BYTE_TIMEOUT_MS: '' })).toThrow('FIRST_BYTE_TIMEOUT_MS is not set');
  });

  it('needs no HEALTH_CHECK_PATH for tcp checks', () => {
    const { HEALTH_CHECK_PATH: _, ...tcp } = env;
    expect(readConfig({ ...tcp, HEALTH_CHECK_MODE: 'tcp' }).healthCheck).toMatchObject({ mode: 'tcp', path: '' });
  });

  it('names every missing or wrong variable in one error', () => {
    const { LISTEN_HOST: _, ...noHost } = env;
    expect(() => readConfig({ ...noHost, UPSTREAMS: 'primary:9081,backup', HEALTH_CHECK_MODE: 'udp', HEALTH_CHECK_FALL: '0' })).toThrow(
      'bad environment: LISTEN_HOST is not set; UPSTREAMS must be a comma-separated list of host:port, got "backup"; HEALTH_CHECK_MODE must be http or tcp, got "udp"; HEALTH_CHECK_FALL must be a whole number from 1 to 100, got "0"',
    );
  });
});
