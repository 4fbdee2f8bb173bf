import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('reads the variables the manifest sets', () => {
    expect(
      readConfig({
        LOG_FILE: '/var/log/app/access.log',
        LOG_ROTATED_FILES: '4',
        MAX_LINE_BYTES: '1048576',
        OFFSET_FILE: '/var/log/app/.log-shipper.offset',
        POLL_INTERVAL_MS: '200',
        SHUTDOWN_QUIET_MS: '1000',
      }),
    ).toEqual({
      logFile: '/var/log/app/access.log',
      rotatedFiles: 4,
      maxLineBytes: 1048576,
      offsetFile: '/var/log/app/.log-shipper.offset',
      pollIntervalMs: 200,
      shutdownQuietMs: 1000,
    });
  });

  it('names every problem at once', () => {
    expect(() => readConfig({ POLL_INTERVAL_MS: '0', SHUTDOWN_QUIET_MS: 'soon' })).toThrow(
      'LOG_FILE is not set; LOG_ROTATED_FILES is not set; OFFSET_FILE is not set; POLL_INTERVAL_MS must be a whole number from 1 to 60000, got "0"; ' +
        'SHUTDOWN_QUIET_MS must be a whole number from 0 to 600000, got "soon"; MAX_LINE_BYTES is not set',
    );
  });
});
