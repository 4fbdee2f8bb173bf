import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const io = fileURLToPath(new URL('../lib/io.mjs', import.meta.url));
const LINES = 40;
const LENGTH = 100_000;

let dir;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/**
 * A runner that prefixes two containers' output, as `npm run dev` does: one container writes
 * long lines to its stdout, the other to its stderr. The runner's stdout and stderr are one
 * pipe, and the reader starts late, so the pipe is full and every long line goes out in parts.
 */
async function runnerOutput() {
  dir = mkdtempSync(join(tmpdir(), 'whole-lines-'));
  const container = join(dir, 'container.mjs');
  writeFileSync(
    container,
    `const [stream, char] = process.argv.slice(2);
for (let i = 0; i < ${LINES}; i++) process[stream].write(char.repeat(${LENGTH}) + '\\n');\n`,
  );
  const runner = join(dir, 'runner.mjs');
  writeFileSync(
    runner,
    `import { spawn } from 'node:child_process';
import { prefixLines } from ${JSON.stringify(io)};
const out = spawn(process.execPath, [${JSON.stringify(container)}, 'stdout', 'o'], { stdio: ['ignore', 'pipe', 'inherit'] });
const err = spawn(process.execPath, [${JSON.stringify(container)}, 'stderr', 'e'], { stdio: ['ignore', 'inherit', 'pipe'] });
prefixLines(out.stdout, process.stdout, 'out | ');
prefixLines(err.stderr, process.stderr, 'err | ');\n`,
  );
  const child = spawn('sh', ['-c', `exec "${process.execPath}" "${runner}" 2>&1`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const closed = new Promise((resolve) => child.on('close', resolve));
  child.stdout.pause();
  await sleep(1000);
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.stdout.resume();
  await closed;
  return Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1);
}

describe('the dev runner prints whole lines', () => {
  it('when stdout and stderr share one full pipe, no line is split by a line of the other stream', async () => {
    const lines = await runnerOutput();
    const torn = lines.filter((line) => line !== `out | ${'o'.repeat(LENGTH)}` && line !== `err | ${'e'.repeat(LENGTH)}`);
    expect({ lines: lines.length, torn: torn.length }).toEqual({ lines: 2 * LINES, torn: 0 });
  }, 60_000);
});
