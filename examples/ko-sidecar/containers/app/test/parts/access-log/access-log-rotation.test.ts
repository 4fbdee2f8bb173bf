import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessLog, type AccessLogEntry } from '../../../src/parts/access-log/access-log';
import { tempDir } from '../../helpers';

const entry = (n: number): AccessLogEntry => ({
  time: new Date(0).toISOString(),
  method: 'GET',
  path: `/item/${String(n).padStart(4, '0')}`,
  status: 200,
  durationMs: 1.5,
});
const lineBytes = Buffer.byteLength(`${JSON.stringify(entry(0))}\n`);
const pathsIn = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).path)
    : [];

describe('access log rotation by size', () => {
  it('renames the full file to .1 and starts a new one, never exceeding the limit', () => {
    const path = join(tempDir(), 'access.log');
    const log = new AccessLog(path, lineBytes * 3); // three lines per file
    for (let n = 1; n <= 10; n += 1) {
      log.write(entry(n));
      expect(statSync(path).size).toBeLessThanOrEqual(lineBytes * 3);
    }
    log.close();
    // 1-3, 4-6, 7-9 filled files; 10 started a new one. The older .1 (1-3) was replaced.
    expect(pathsIn(`${path}.1`)).toEqual([entry(7).path, entry(8).path, entry(9).path]);
    expect(pathsIn(path)).toEqual([entry(10).path]);
  });

  it('keeps N rotated files numbered like logrotate, .1 the newest, and deletes the oldest', () => {
    const path = join(tempDir(), 'access.log');
    const log = new AccessLog(path, lineBytes, 3); // one line per file, three rotated files kept
    for (let n = 1; n <= 6; n += 1) log.write(entry(n));
    log.close();
    expect([path, `${path}.1`, `${path}.2`, `${path}.3`].map(pathsIn)).toEqual([
      [entry(6).path],
      [entry(5).path],
      [entry(4).path],
      [entry(3).path],
    ]);
    expect(existsSync(`${path}.4`)).toBe(false);
  });

  it('counts what an existing file already holds', () => {
    const path = join(tempDir(), 'access.log');
    writeFileSync(path, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`);
    const log = new AccessLog(path, lineBytes * 2);
    log.write(entry(3));
    log.close();
    expect(pathsIn(`${path}.1`)).toEqual([entry(1).path, entry(2).path]);
    expect(pathsIn(path)).toEqual([entry(3).path]);
  });

  it('writes a line longer than the limit alone in its own file', () => {
    const path = join(tempDir(), 'access.log');
    const log = new AccessLog(path, 10);
    log.write(entry(1));
    log.write(entry(2));
    log.close();
    expect(pathsIn(`${path}.1`)).toEqual([entry(1).path]);
    expect(pathsIn(path)).toEqual([entry(2).path]);
  });
});
