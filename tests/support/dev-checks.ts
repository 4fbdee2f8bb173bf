/** Checks every pattern's `npm run dev` must pass (CONTRACT.md §2 "all" and §3). */
import { expect } from 'vitest';
import type { DevRun } from './dev-run.js';
import { connectionRefused, request, type GeneratedProject } from './generated-project.js';
import { describeListeners } from './processes.js';

/** `app` serves GET / as JSON and GET /healthz on its port. */
export async function expectAppServes(project: GeneratedProject): Promise<void> {
  const root = await request(project.port, '/');
  expect(root.status).toBe(200);
  expect(root.headers['content-type']).toMatch(/^application\/json/);
  expect(root.json).toMatchObject({ service: project.name });

  const health = await request(project.port, '/healthz');
  expect(health.status).toBe(200);
  expect(health.json).toEqual({ status: 'ok' });
}

/**
 * Every line a container printed carries its `<container> | ` prefix: each container has prefixed
 * lines, and no JSON log line (what the containers print) reached the output without a prefix.
 */
export function expectPrefixedOutput(dev: DevRun, containers: string[]): void {
  for (const container of containers) {
    expect(dev.containerLines(container).length, `no line prefixed "${container} | "\n${dev.tail()}`).toBeGreaterThan(0);
  }
  const prefixed = new Set(dev.containerLines().map((line) => `${line.stream}\0${line.text}`));
  const unprefixedJson = dev.lines.filter((line) => !prefixed.has(`${line.stream}\0${line.text}`) && line.text.trimStart().startsWith('{'));
  expect(unprefixedJson, 'container output without a "<container> | " prefix').toEqual([]);
  expect([...new Set(dev.containerLines().map((line) => line.container))].sort()).toEqual([...containers].sort());
  // A container's own log lines name it: the prefix is the right one.
  for (const container of containers.filter((c) => !c.startsWith('upstream-'))) {
    const named = dev.jsonOf(container).filter((entry) => typeof entry.container === 'string');
    for (const entry of named) expect(entry.container, `a line under "${container} | "`).toBe(container);
  }
}

/** The order in which the runner reported each container stopped (its `<name> | -- stopped (...)` lines). */
export function stopOrder(dev: DevRun): { container: string; how: string }[] {
  return dev
    .containerLines()
    .filter((line) => line.stream === 'stdout' && /^-- stopped \(/.test(line.body))
    .map((line) => ({ container: line.container, how: /^-- stopped \((.*)\)$/.exec(line.body)?.[1] ?? line.body }));
}

/**
 * SIGTERM to the runner (scripts/dev.mjs, the process `npm run dev` starts): it stops every
 * container in `order` (app first), each exits 0 on its own (no SIGKILL), `npm run dev` exits 0,
 * no process of the run is left and no port is still held.
 */
export async function expectCleanStopOnSigterm(
  dev: DevRun,
  { order, ports, timeoutMs = 45_000 }: { order: string[][]; ports: number[]; timeoutMs?: number },
): Promise<void> {
  dev.signalRunner('SIGTERM');
  const end = await dev.ended(timeoutMs);
  expect(
    end.leftovers.map((p) => `${p.pid} ${p.cmdline}`),
    'processes of the run still running',
  ).toEqual([]);
  expect({ code: end.code, signal: end.signal }, dev.tail()).toEqual({ code: 0, signal: null });

  const stopped = stopOrder(dev);
  expect(
    stopped.map((s) => s.how),
    dev.tail(),
  ).toEqual(stopped.map(() => 'code 0'));
  // None outlived its grace period (the runner would say `still running after 30 s: SIGKILL`).
  expect(dev.lines.filter((line) => /still running after .*SIGKILL/.test(line.text)).map((line) => line.text)).toEqual([]);
  // Phase by phase: every container of a phase stops before any container of the next one.
  const position = new Map(stopped.map((s, i) => [s.container, i]));
  expect([...position.keys()].sort(), dev.tail()).toEqual(order.flat().sort());
  for (let phase = 1; phase < order.length; phase += 1) {
    const lastBefore = Math.max(...order[phase - 1].map((c) => position.get(c)!));
    const firstNow = Math.min(...order[phase].map((c) => position.get(c)!));
    expect(lastBefore, `${order[phase - 1].join(', ')} must stop before ${order[phase].join(', ')}\n${dev.tail()}`).toBeLessThan(firstNow);
  }
  await expectPortsFree(ports);
}

export async function expectPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    expect(await connectionRefused(port), `port ${port} still answers: ${describeListeners(port)}`).toBe(true);
  }
}
