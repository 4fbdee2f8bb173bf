import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** A temp folder of its own for the CLI (TMPDIR), so each test starts with no cache. */
function freshTmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpp-cache-'));
  temps.push(dir);
  return dir;
}

const cacheDir = (tmp: string) => join(tmp, `create-pod-pattern-compile-cache-${process.getuid?.() ?? 'user'}`);

async function scaffold(tmp: string, env: Record<string, string> = {}, pattern = 'sidecar') {
  const result = await execa(process.execPath, [CLI, join(tmp, 'never-written'), '--pattern', pattern, '--yes', '--dry-run'], {
    env: { TMPDIR: tmp, NO_COLOR: '1', ...env },
    reject: false,
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function cacheFiles(tmp: string): string[] {
  try {
    return readdirSync(cacheDir(tmp)).map((f) => join(cacheDir(tmp), f));
  } catch {
    return [];
  }
}

// Used on every Node: it keeps lazily compiled functions too, which Node's own cache does not.
describe('the compile cache of the generate bundle', () => {
  it("keeps the generator's compiled code between runs, in a folder of the temp directory only this user can use", async () => {
    const tmp = freshTmp();
    const first = await scaffold(tmp);
    expect(first.exitCode).toBe(0);
    const [file, ...others] = cacheFiles(tmp);
    expect(others).toEqual([]);
    expect(statSync(cacheDir(tmp)).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file).size).toBeGreaterThan(100_000);

    // The second run takes the cache as it is: not rewritten, and the same output.
    const written = statSync(file).mtimeMs;
    const second = await scaffold(tmp);
    expect(second).toEqual(first);
    expect(cacheFiles(tmp)).toEqual([file]);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('replaces a damaged cache, and the run does not notice', async () => {
    const tmp = freshTmp();
    const first = await scaffold(tmp);
    const [file] = cacheFiles(tmp);
    writeFileSync(file, 'not a V8 code cache');
    expect(await scaffold(tmp)).toEqual(first);
    expect(readFileSync(file).length).toBeGreaterThan(100_000);
  });

  it('never uses a cache folder that others can write to: a planted cache would run as code', async () => {
    const tmp = freshTmp();
    mkdirSync(cacheDir(tmp));
    chmodSync(cacheDir(tmp), 0o777);
    expect((await scaffold(tmp)).exitCode).toBe(0);
    expect(cacheFiles(tmp)).toEqual([]);
  });

  it('is not written by a run that fails: bad input leaves nothing behind', async () => {
    const tmp = freshTmp();
    const result = await scaffold(tmp, {}, 'no-such-pattern');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/pattern/);
    expect(cacheFiles(tmp)).toEqual([]);
  });

  it('keeps a few cache files per bundle, not one more for every version, Node or build', async () => {
    const tmp = freshTmp();
    mkdirSync(cacheDir(tmp), { mode: 0o700 });
    // Left by earlier versions and Nodes, oldest first; and one of another bundle, never touched.
    const old = [1, 2, 3, 4, 5].map((n) => join(cacheDir(tmp), `0.0.${n}-node_v24.0.0-x64-1-1-generate.cjs.bin`));
    old.forEach((path, i) => {
      writeFileSync(path, 'old');
      utimesSync(path, 1_000_000 + i, 1_000_000 + i);
    });
    const otherBundle = join(cacheDir(tmp), '0.0.1-node_v24.0.0-x64-1-1-lint.cjs.bin');
    writeFileSync(otherBundle, 'other');
    expect((await scaffold(tmp)).exitCode).toBe(0);
    const left = cacheFiles(tmp).filter((path) => path.endsWith('-generate.cjs.bin'));
    expect(left).toHaveLength(3);
    // The one just written and the two newest others.
    expect(left.filter((path) => !old.includes(path))).toHaveLength(1);
    expect(left.filter((path) => old.includes(path)).sort()).toEqual([old[3], old[4]].sort());
    expect(cacheFiles(tmp)).toContain(otherBundle);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1, as Node’s own is', async () => {
    const tmp = freshTmp();
    expect((await scaffold(tmp, { NODE_DISABLE_COMPILE_CACHE: '1' })).exitCode).toBe(0);
    expect(cacheFiles(tmp)).toEqual([]);
  });
});
