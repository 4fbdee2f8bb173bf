import { watch } from 'node:fs';
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { listFiles, workspace } from './support/cli.js';
import { privateCli } from './support/private-cli.js';
import { differences, snapshot } from './support/tree.js';

const RUNS = 20;
const cli = privateCli();

/**
 * Starts the CLI and SIGKILLs it a random few milliseconds after its first entry appears in
 * one of the watched folders (the target, a staging folder beside it), so the kill lands
 * while it writes. Resolves true when the kill landed before the process ended.
 */
async function killWhileWriting(
  args: string[],
  watched: string[],
  counts = (_name: string) => true,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<boolean> {
  const child = execa(process.execPath, [cli.path, ...args], { reject: false, input: '' });
  const watchers = watched.map((dir) =>
    watch(dir, (_event, name) => {
      if (!name || !counts(String(name))) return;
      for (const w of watchers) w.close();
      setTimeout(() => child.kill(signal), Math.floor(Math.random() * 30));
    }),
  );
  const result = await child;
  for (const w of watchers) w.close();
  return result.signal === signal;
}

/**
 * Runs the CLI with a signal sent while its `move`th move into the project is under way
 * (tests/support/signal-during-move.cjs): a kill at a chosen point of the swap, however fast the machine.
 */
function runWithSignalDuringMove(args: string[], signal: NodeJS.Signals, move: number) {
  const preload = join(import.meta.dirname, 'support/signal-during-move.cjs');
  return execa(process.execPath, ['--require', preload, cli.path, ...args], {
    reject: false,
    input: '',
    env: { CPP_TEST_SIGNAL_DURING_MOVE: `${signal}:${move}` },
  });
}

async function reference(pattern: string): Promise<Record<string, string>> {
  const ws = workspace();
  expect((await cli.run([join(ws, 'demo'), '--pattern', pattern, '--yes'])).exitCode).toBe(0);
  return snapshot(join(ws, 'demo'));
}

describe('a run killed with SIGKILL while writing', () => {
  it(`into a new folder: the next run clears what it left and writes the whole project (${RUNS} kills)`, async () => {
    const expected = await reference('sidecar');
    let killed = 0;
    let finishedFirst = 0;
    const wrong: string[] = [];
    // A new sidecar project goes in as 10 moves: the first runs are killed during moves 1 to 9
    // (each certainly mid-write), the rest a random few milliseconds after the first entry appears.
    const atMoves = [1, 2, 3, 5, 7, 9];
    for (let run = 0; run < RUNS; run++) {
      const ws = workspace();
      const dir = join(ws, 'demo');
      const args = [dir, '--pattern', 'sidecar', '--yes'];
      const wasKilled =
        run < atMoves.length
          ? (await runWithSignalDuringMove(args, 'SIGKILL', atMoves[run])).signal === 'SIGKILL'
          : await killWhileWriting(args, [ws]);
      // Killed after the last file went in: the project is whole (a second run would rightly call the
      // folder not empty), and at most this run's lock and staging folder are left: a run with --force clears them.
      const whole = differences(expected, snapshot(dir)).every((path) => path.startsWith('.cpp-'));
      if (wasKilled) whole ? finishedFirst++ : killed++;
      const again = await cli.run([dir, '--pattern', 'sidecar', '--yes', ...(whole ? ['--force'] : [])]);
      if (again.exitCode !== 0) wrong.push(`exit ${again.exitCode}: ${again.stderr.trim()}`);
      const diff = differences(expected, snapshot(dir));
      const beside = readdirSync(ws).filter((name) => name !== 'demo');
      if (diff.length || beside.length) wrong.push(`differs: ${diff.slice(0, 3)}; beside it: ${beside}`);
    }
    console.log(
      `${killed} of ${RUNS} runs killed while writing (${finishedFirst} more after the last file); ${wrong.length} ended wrong`,
      wrong,
    );
    expect(killed).toBeGreaterThanOrEqual(atMoves.length);
    expect(wrong).toEqual([]);
  }, 600_000);

  it(`with --force over an edited project: the next run undoes its half-done swap first (${RUNS} kills)`, async () => {
    const sidecar = await reference('sidecar');
    const singleton = await reference('singleton');
    let killed = 0;
    let halfSwapped = 0;
    const wrong: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const ws = workspace();
      const dir = join(ws, 'demo');
      expect((await cli.run([dir, '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
      for (const file of listFiles(dir)) appendFileSync(join(dir, file), '\n# edited\n');
      writeFileSync(join(dir, 'NOTES.md'), 'mine');
      const before = snapshot(dir);
      // Waits for the first entry of the project itself to change, so the kill lands during the swap.
      if (await killWhileWriting([dir, '--pattern', 'sidecar', '--yes', '--force'], [dir], (name) => !name.startsWith('.cpp-'))) killed++;
      if (differences(before, snapshot(dir)).some((path) => !path.startsWith('.cpp-'))) halfSwapped++;

      // The next run's first step: exactly the folder before the killed run, or exactly after it.
      const { recoverInterruptedRuns } = await import('../src/write/swap.js');
      await recoverInterruptedRuns(dir);
      const afterKilled = { ...before, ...sidecar };
      const recovered = snapshot(dir);
      delete recovered['.cpp-lock'];
      if (differences(before, recovered).length && differences(afterKilled, recovered).length)
        wrong.push(
          `recovered to neither: ${differences(before, recovered).slice(0, 3)} / ${differences(afterKilled, recovered).slice(0, 3)}`,
        );

      const again = await cli.run([dir, '--pattern', 'sidecar', '--yes', '--force']);
      if (again.exitCode !== 0) wrong.push(`exit ${again.exitCode}: ${again.stderr.trim()}`);
      const diff = differences(afterKilled, snapshot(dir));
      const beside = readdirSync(ws).filter((name) => name !== 'demo');
      if (diff.length || beside.length) wrong.push(`differs: ${diff.slice(0, 3)}; beside it: ${beside}`);
      expect(Object.keys(singleton).every((path) => path in before)).toBe(true);
    }
    console.log(
      `${killed} of ${RUNS} runs killed, ${halfSwapped} of them with files of the project already replaced; ${wrong.length} ended wrong`,
      wrong,
    );
    expect(halfSwapped).toBeGreaterThan(RUNS / 4);
    expect(wrong).toEqual([]);
  }, 600_000);
});

describe('a run stopped with SIGTERM or Ctrl-C while --force swaps files in', () => {
  // The swap over an edited singleton moves about 50 entries into the project: a signal during
  // any move but the last few must leave exactly the folder before. Sent at a chosen move
  // (tests/support/signal-during-move.cjs), so every run lands mid-swap, however fast the machine.
  const MOVES = [1, 2, 5, 10, 20, 30, 40];
  it(`puts everything back itself before it dies: exactly the folder before (a signal during move ${MOVES.join(', ')})`, async () => {
    const wrong: string[] = [];
    for (const [i, move] of MOVES.entries()) {
      const ws = workspace();
      const dir = join(ws, 'demo');
      expect((await cli.run([dir, '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
      for (const file of listFiles(dir)) appendFileSync(join(dir, file), '\n# edited\n');
      const before = snapshot(dir);
      const signal = i % 2 ? 'SIGINT' : 'SIGTERM';
      const result = await runWithSignalDuringMove([dir, '--pattern', 'sidecar', '--yes', '--force'], signal, move);
      const changed = differences(before, snapshot(dir));
      if (result.signal !== signal) wrong.push(`move ${move}: ended by ${result.signal ?? `exit ${result.exitCode}`}, not ${signal}`);
      if (changed.length) wrong.push(`move ${move} (${signal}): ${changed.length} entries differ, e.g. ${changed.slice(0, 3)}`);
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  it(`puts everything back itself, or finishes: never a mix, nothing left over (${RUNS} signals at random moments)`, async () => {
    const sidecar = await reference('sidecar');
    const outcomes = { asBefore: 0, asAfter: 0, mixed: 0, leftovers: 0, notStoppedBySignal: 0 };
    for (let run = 0; run < RUNS; run++) {
      const ws = workspace();
      const dir = join(ws, 'demo');
      expect((await cli.run([dir, '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
      for (const file of listFiles(dir)) appendFileSync(join(dir, file), '\n# edited\n');
      const before = snapshot(dir);
      const signal = run % 2 ? 'SIGINT' : 'SIGTERM';
      const stopped = await killWhileWriting(
        [dir, '--pattern', 'sidecar', '--yes', '--force'],
        [dir],
        (name) => !name.startsWith('.cpp-'),
        signal,
      );
      if (!stopped) outcomes.notStoppedBySignal++;
      const now = snapshot(dir);
      if (Object.keys(now).some((path) => path.startsWith('.cpp-'))) outcomes.leftovers++;
      if (differences(before, now).length === 0) outcomes.asBefore++;
      else if (differences({ ...before, ...sidecar }, now).length === 0) outcomes.asAfter++;
      else outcomes.mixed++;
    }
    console.log(`${RUNS} runs stopped by a signal while swapping:`, outcomes);
    expect(outcomes).toMatchObject({ mixed: 0, leftovers: 0 });
  }, 600_000);
});
