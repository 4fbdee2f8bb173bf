import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './support/cli.js';
import { privateCli } from './support/private-cli.js';
import { differences, snapshot } from './support/tree.js';

const PAIRS = 40;
const cli = privateCli();
const runCli = cli.run;

describe('two runs at once into the same new folder', () => {
  it(`one wins, the other exits 2 and touches nothing of the winner's (${PAIRS} pairs)`, async () => {
    // What each run's project looks like on its own, to compare the winner's with.
    const reference = workspace();
    const expected: Record<string, Record<string, string>> = {};
    for (const pattern of ['sidecar', 'ambassador']) {
      const dir = join(reference, pattern, 'a/b/demo');
      expect((await runCli([dir, '--pattern', pattern, '--yes'])).exitCode).toBe(0);
      expected[pattern] = snapshot(dir);
    }

    const outcomes = { oneWinner: 0, bothRefused: 0, bothWon: 0, winnerDamaged: 0, loserSilent: 0, leftovers: 0, otherFailure: 0 };
    const odd: string[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const ws = workspace();
      // Missing parents too: a loser once removed the parent it thought it had made, with the winner's project in it.
      const target = join(ws, 'a/b/demo');
      const [sidecar, ambassador] = await Promise.all([
        runCli([target, '--pattern', 'sidecar', '--yes']),
        runCli([target, '--pattern', 'ambassador', '--yes']),
      ]);
      const codes = [sidecar.exitCode, ambassador.exitCode];
      if (codes.some((c) => c !== 0 && c !== 2)) outcomes.otherFailure++;
      if (codes.some((c) => c !== 0 && c !== 2) || codes.every((c) => c === 2))
        odd.push(`${codes}: ${sidecar.stderr.trim()} / ${ambassador.stderr.trim()}`);
      const winners = [sidecar.exitCode === 0 && 'sidecar', ambassador.exitCode === 0 && 'ambassador'].filter(Boolean) as string[];
      if (winners.length === 2) outcomes.bothWon++;
      if (winners.length === 1) {
        outcomes.oneWinner++;
        const diff = differences(expected[winners[0]!]!, snapshot(target));
        if (diff.length) outcomes.winnerDamaged++, odd.push(`winner's project: ${diff.length} entries missing or changed`);
        const loser = winners[0] === 'sidecar' ? ambassador : sidecar;
        if (!/^create-pod-pattern: .*(another|not empty|created by another program)/.test(loser.stderr)) outcomes.loserSilent++;
        if (existsSync(join(ws, 'a/b')) && readdirSync(join(ws, 'a/b')).length !== 1) outcomes.leftovers++;
      }
      if (winners.length === 0 && codes.every((c) => c === 2)) {
        outcomes.bothRefused++;
        if (Object.values(snapshot(ws)).some((kind) => kind !== 'dir')) outcomes.leftovers++;
      }
    }
    console.log(`${PAIRS} pairs:`, outcomes, odd);
    expect(outcomes).toMatchObject({ bothWon: 0, winnerDamaged: 0, loserSilent: 0, leftovers: 0, otherFailure: 0 });
    expect(outcomes.oneWinner).toBe(PAIRS);
  }, 600_000);
});
