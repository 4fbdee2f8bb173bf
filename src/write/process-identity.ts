import { readFileSync } from 'node:fs';

/** A process as a later run can recognise it: its pid, and when it started (pids are reused). */
export interface ProcessIdentity {
  pid: number;
  start: string;
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot (Linux only). */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function thisProcess(): ProcessIdentity {
  return { pid: process.pid, start: startTimeOf(process.pid) ?? 'unknown' };
}

/** Whether that process still runs; a pid now used by a younger process does not count. */
export function isRunning(owner: { pid: number; start?: string }): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!owner.start || owner.start === 'unknown') return true;
  const start = startTimeOf(owner.pid);
  return start === undefined || start === owner.start;
}
