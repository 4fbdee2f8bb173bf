import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ENGLISH_LOCALE } from './support/cli.js';

/** Runs the CLI with its stdout read by no one (a reader that stopped, as `| head -3` does). */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...ENGLISH_LOCALE } });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

describe('output piped into a reader that stops early (`| head -3`)', () => {
  it.each([
    ['lint --list-checks', ['lint', '--list-checks']],
    ['lint --list-checks --lang ko', ['lint', '--list-checks', '--lang', 'ko']],
    ['--help', ['--help']],
    ['--dry-run', ['demo', '--pattern', 'ambassador', '--yes', '--dry-run']],
  ])('%s ends quietly, without an EPIPE crash', async (_title, args) => {
    const results = [];
    // Several runs: whether a write lands after the reader is gone depends on timing.
    for (let run = 0; run < 5; run++) results.push(await runIntoClosedPipe(args));
    expect(results.map((r) => r.stderr).filter(Boolean)).toEqual([]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
  });
});
