/**
 * The access-log lines a log-shipper printed during `npm run dev`, counted as they arrive
 * (100,000 lines are too many to parse again at every poll): for each request path, how many
 * times it was shipped and from which fileId and offset the first time.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DevRun } from './dev-run.js';

const SHIPPER_STDOUT = /^log-shipper *\| (\{.*)$/;

export class ShippedLines {
  private readonly times = new Map<string, number>();
  private readonly origin = new Map<string, string>();
  /** Repeats: the path, its origin the first time and this time. */
  readonly repeats: { path: string; first: string; again: string }[] = [];
  /** The bytes of the repeated records, as printed. */
  repeatedBytes = 0;
  private cursor = 0;

  constructor(
    private readonly dev: DevRun,
    private readonly prefix: string,
  ) {}

  /** Reads the output lines that came since the last call. */
  update(): this {
    const { lines } = this.dev;
    for (; this.cursor < lines.length; this.cursor++) {
      const { stream, text } = lines[this.cursor];
      const match = stream === 'stdout' && text.includes(this.prefix) ? SHIPPER_STDOUT.exec(text) : null;
      if (!match) continue;
      const record = JSON.parse(match[1]);
      if (typeof record.path !== 'string' || !record.path.startsWith(this.prefix)) continue;
      const origin = `${record.fileId}@${record.offset}`;
      const times = this.times.get(record.path) ?? 0;
      this.times.set(record.path, times + 1);
      if (times === 0) this.origin.set(record.path, origin);
      else {
        this.repeats.push({ path: record.path, first: this.origin.get(record.path)!, again: origin });
        this.repeatedBytes += Buffer.byteLength(match[1]) + 1;
      }
    }
    return this;
  }

  /** How many distinct paths were shipped. */
  get distinct(): number {
    return this.times.size;
  }

  /** The paths of `expected` never shipped. */
  missing(expected: Iterable<string>): string[] {
    return [...expected].filter((path) => !this.times.has(path));
  }
}

/**
 * `count` requests over `concurrency` keep-alive connections to 127.0.0.1:port, at most
 * `perSecond` a second, each bounded in time. `done` resolves with how many got each status;
 * `answered()` says how many have been answered so far. `pause()` sends no new request (the at
 * most `concurrency` already on their way still go) until the function it returns is called; the pace then goes on
 * from where it stopped, with no burst to make up for the pause.
 */
export function keepAliveLoad(
  port: number,
  count: number,
  pathOf: (i: number) => string,
  { concurrency, perSecond, timeoutMs = 10_000 }: { concurrency: number; perSecond: number; timeoutMs?: number },
): { done: Promise<Map<number, number>>; answered: () => number; pause: () => () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = new Map<number, number>();
  let started = Date.now();
  let next = 0;
  let answered = 0;
  let paused: { since: number; over: Promise<void>; resume: () => void } | undefined;
  const one = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent, timeout: timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
    });
  const done = Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        while (paused) await paused.over;
        const i = next++;
        const due = started + (i * 1000) / perSecond;
        if (due > Date.now()) await sleep(due - Date.now());
        const status = await one(pathOf(i));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        answered++;
      }
    }),
  )
    .then(() => statuses)
    .finally(() => agent.destroy());
  const pause = () => {
    if (!paused) {
      let resume = () => {};
      const over = new Promise<void>((resolve) => {
        resume = resolve;
      });
      paused = { since: Date.now(), over, resume };
    }
    const current = paused;
    return () => {
      if (paused !== current) return;
      started += Date.now() - current.since;
      paused = undefined;
      current.resume();
    };
  };
  return { done, answered: () => answered, pause };
}
