import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const base = { PORT: '8080', SERVICE_NAME: 'demo', SHUTDOWN_DRAIN_MS: '5000' };

describe('readConfig', () => {
  it('reads the variables every pattern sets', () => {
    expect(readConfig(base)).toEqual({ port: 8080, serviceName: 'demo', shutdownDrainMs: 5000 });
  });

  it('names every missing variable at once', () => {
    expect(() => readConfig({})).toThrow('PORT is not set; SERVICE_NAME is not set; SHUTDOWN_DRAIN_MS is not set');
  });

  it('says what is wrong with a bad number', () => {
    expect(() => readConfig({ ...base, PORT: '80a' })).toThrow('PORT must be a whole number from 0 to 65535, got "80a"');
    expect(() => readConfig({ ...base, PORT: '70000' })).toThrow(/PORT must be a whole number/);
    expect(() => readConfig({ ...base, SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_MS must be a whole number/);
  });

  it('reads no variable of an optional part: each part reads its own (src/parts/)', () => {
    expect(Object.keys(readConfig({ ...base, SOMETHING_ELSE: 'x' })).sort()).toEqual(['port', 'serviceName', 'shutdownDrainMs']);
  });
});
