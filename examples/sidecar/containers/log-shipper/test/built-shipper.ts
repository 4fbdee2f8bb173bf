import { spawn, type ChildProcess } from 'node:child_process';
import { shipperEnv, waitFor } from './helpers';

/**
 * What every run of the shipper printed, counted line by line as it arrives: which of the
 * numbered lines `{"n":1}` .. `{"n":total}` came, how often, and from which fileId and offset.
 */
export class ShippedCount {
  /** How many times each line was shipped. */
  private readonly times: Uint16Array;
  /** fileId@offset of the first time each line was shipped. */
  private readonly origin: string[];
  private readonly repeatsByRun: number[] = [];
  private repeatsWithAnotherOrigin = 0;
  /** Every line up to this one was shipped at least once. */
  inOrder = 0;

  constructor(readonly total: number) {
    this.times = new Uint16Array(total + 1);
    this.origin = new Array(total + 1);
  }

  add(run: number, record: { n: number; fileId: string; offset: number }): void {
    const { n } = record;
    const origin = `${record.fileId}@${record.offset}`;
    if (this.times[n]++ === 0) this.origin[n] = origin;
    else {
      this.repeatsByRun[run] = (this.repeatsByRun[run] ?? 0) + 1;
      if (this.origin[n] !== origin) this.repeatsWithAnotherOrigin++;
    }
    while (this.inOrder < this.total && this.times[this.inOrder + 1] > 0) this.inOrder++;
  }

  summary(): { lost: number; repeated: number; repeatsWithAnotherOrigin: number; largestRepeat: number } {
    let lost = 0;
    for (let n = 1; n <= this.total; n++) if (this.times[n] === 0) lost++;
    const byRun = Array.from(this.repeatsByRun, (k) => k ?? 0);
    const repeated = byRun.reduce((sum, k) => sum + k, 0);
    return { lost, repeated, repeatsWithAnotherOrigin: this.repeatsWithAnotherOrigin, largestRepeat: Math.max(0, ...byRun) };
  }
}

let runs = 0;

/** The built shipper as a process, following `<dir>/access.log` with the manifest's settings. */
export class BuiltShipper {
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    /** Resolves once the process is gone and its output read to the end (what it wrote before a SIGKILL included). */
    readonly exited: Promise<unknown>,
  ) {}

  static start(script: string, dir: string, counted: ShippedCount, env: Record<string, string> = {}): BuiltShipper {
    const run = runs++;
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', ...shipperEnv(dir), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const shipper = new BuiltShipper(child, new Promise((resolve) => child.on('close', resolve)));
    let pending = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      pending += text;
      const end = pending.lastIndexOf('\n');
      if (end === -1) return;
      for (const line of pending.slice(0, end).split('\n')) counted.add(run, JSON.parse(line));
      pending = pending.slice(end + 1);
    });
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (shipper.stderr += text));
    return shipper;
  }

  /** Resolves once the process has said it is starting. */
  started(): Promise<void> {
    return waitFor(() => this.stderr.includes('"event":"starting"'), 30_000);
  }

  /** Its warnings (lines lost, files gone...), parsed from stderr. */
  warnings(): Record<string, unknown>[] {
    return this.stderr
      .split('\n')
      .filter((line) => line.includes('"level":"warn"'))
      .map((line) => JSON.parse(line));
  }
}
