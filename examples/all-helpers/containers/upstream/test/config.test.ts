import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('upstream config from the environment', () => {
  it('reads PORT and UPSTREAM_NAME', () => {
    expect(readConfig({ PORT: '9081', UPSTREAM_NAME: 'backup' })).toEqual({ port: 9081, name: 'backup', shutdownDrainMs: 5000 });
    expect(readConfig({ PORT: '9081', UPSTREAM_NAME: 'b', SHUTDOWN_DRAIN_MS: '100' }).shutdownDrainMs).toBe(100);
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => readConfig({ UPSTREAM_NAME: 'x' })).toThrow('PORT is not set');
    expect(() => readConfig({ PORT: '80a', UPSTREAM_NAME: 'x' })).toThrow('PORT must be a whole number from 0 to 65535, got "80a"');
    expect(() => readConfig({ PORT: '70000', UPSTREAM_NAME: 'x' })).toThrow('PORT must be');
    expect(() => readConfig({ PORT: '1' })).toThrow('UPSTREAM_NAME is not set');
  });

  it('names every missing or wrong variable in one error, a blank one as not set', () => {
    expect(() => readConfig({ PORT: '80a', UPSTREAM_NAME: '  ', SHUTDOWN_DRAIN_MS: '1s' })).toThrow(
      'bad environment: PORT must be a whole number from 0 to 65535, got "80a"; UPSTREAM_NAME is not set; SHUTDOWN_DRAIN_MS must be a whole number from 0 to 600000, got "1s"',
    );
  });
});
