import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript without types
import { timeCommand } from '../bench/lib/proc.mjs';

/** The pids of processes whose command line is exactly `sleep <seconds>` (from /proc: no pgrep needed). */
function sleeping(seconds: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === `sleep\0${seconds}\0`;
    } catch {
      return false; // gone meanwhile
    }
  });
}

describe("the bench's timed commands", () => {
  it('returns the wall time and the CPU time of a command and what it started', () => {
    const { ms, cpuMs } = timeCommand('sh', ['-c', 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done'], { group: true });
    expect(ms).toBeGreaterThan(0);
    expect(cpuMs).toBeGreaterThan(0);
  });

  it('stops a command over its time limit together with every process it started (npm exec and the CLI)', async () => {
    const seconds = '41.2345'; // unique, to find exactly these processes
    expect(() => timeCommand('sh', ['-c', `sleep ${seconds} & sleep ${seconds}; wait`], { timeoutMs: 500, group: true })).toThrow(
      /took over 500 ms/,
    );
    for (let i = 0; i < 20 && sleeping(seconds).length > 0; i++) await sleep(50);
    expect(sleeping(seconds)).toEqual([]);
  });
});
