import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineFormatter } from '../src/format-line';
import { startShipper, tempDir, waitFor } from './helpers';

describe('malformed and unusual lines', () => {
  const origin = { source: 'access.log', fileId: 'f' };
  const format = (line: string) => lineFormatter(origin)(line, 7);
  const tagged = { ...origin, offset: 7 };

  it('wraps a line that is not a JSON object, marked malformed', () => {
    for (const line of ['plain text', '{"broken":', '[1,2]', '42', '"just a string"', 'null']) {
      expect(JSON.parse(format(line)!)).toEqual({ ...tagged, message: line, malformed: true });
    }
  });

  it('skips blank lines', () => {
    expect(format('')).toBeUndefined();
    expect(format('   \t')).toBeUndefined();
    expect(format('\r')).toBeUndefined();
  });

  it('replaces a "source", "fileId" or "offset" the line already has', () => {
    expect(JSON.parse(format('{"source":"theirs","a":1}')!)).toEqual({ ...tagged, a: 1 });
    expect(JSON.parse(format('{"offset":-1,"fileId":"x","a":1}')!)).toEqual({ ...tagged, a: 1 });
  });

  it('handles an empty object, CRLF endings and surrounding spaces', () => {
    expect(format('{}')).toBe('{"source":"access.log","fileId":"f","offset":7}');
    expect(JSON.parse(format('  {"a":1}\r')!)).toEqual({ ...tagged, a: 1 });
    expect(JSON.parse(format('not json\r')!)).toEqual({ ...tagged, message: 'not json', malformed: true });
  });

  it('ships good and bad lines alike, in order, without stopping', async () => {
    const dir = tempDir();
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('latin1');
    writeFileSync(join(dir, 'access.log'), `{"n":1}\n${garbage}\n\n{"n":2\n{"n":3}\n`, 'latin1');
    const { shipper, output } = startShipper(dir);
    await waitFor(() => output.lines().length === 4);
    await shipper.stop();
    const lines = output.bodies();
    expect(lines[0]).toEqual({ source: 'access.log', n: 1 });
    expect(lines[1]).toMatchObject({ source: 'access.log', malformed: true });
    expect(lines[2]).toEqual({ source: 'access.log', message: '{"n":2', malformed: true });
    expect(lines[3]).toEqual({ source: 'access.log', n: 3 });
  });
});
