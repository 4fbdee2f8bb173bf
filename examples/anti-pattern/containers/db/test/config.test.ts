import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const base = { PORT: '7000', SERVICE_NAME: 'shop', SHUTDOWN_DRAIN_MS: '5000', DATA_DIR: '/var/lib/db' };

describe('db config from the environment', () => {
  it('reads the variables the manifest sets, MAX_COUNTERS defaulting to 1000 and JOURNAL_MAX_BYTES to 1 MiB', () => {
    expect(readConfig(base)).toEqual({
      port: 7000,
      serviceName: 'shop',
      shutdownDrainMs: 5000,
      dataDir: '/var/lib/db',
      maxCounters: 1000,
      maxJournalBytes: 1048576,
    });
    expect(readConfig({ ...base, MAX_COUNTERS: '5', JOURNAL_MAX_BYTES: '4096' })).toMatchObject({ maxCounters: 5, maxJournalBytes: 4096 });
  });

  it('names every problem at once', () => {
    expect(() => readConfig({})).toThrow('PORT is not set; SERVICE_NAME is not set; SHUTDOWN_DRAIN_MS is not set; DATA_DIR is not set');
    expect(() => readConfig({ ...base, PORT: '7e3', MAX_COUNTERS: '0' })).toThrow(
      'PORT must be a whole number from 0 to 65535, got "7e3"; MAX_COUNTERS must be a whole number from 1 to 1000000, got "0"',
    );
  });
});
