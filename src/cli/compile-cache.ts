import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a CommonJS bundle with V8's code cache kept between runs, in a folder of the OS
 * temp directory only this user can write to. Compiling the generator's JavaScript is much
 * of its start-up; with the cache, V8 skips it. The cache is written at exit, so it holds
 * every function the run compiled, not just the top level. That is why it is used on every
 * Node, though Node >= 22.1 has module.enableCompileCache() (bin.ts turns it on for the rest):
 * Node's own caches a module as compiled when it loads, before its functions run, and on
 * Node 24 a scaffold took 160 ms of CPU with it against 138 ms with this one (175 ms with none).
 *
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own.
 */
export function requireWithCompileCache(file: string, version: string): unknown {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return createRequire(file)(file);

  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheFileFor(file, version);
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const wrap = (nodeModule as unknown as { wrap: (code: string) => string }).wrap;
  const script = new Script(wrap(source), { filename: file, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // Only after a run that went well: a failed one leaves nothing behind, not even a cache.
    process.once('exit', (code) => code === 0 && writeCache(cacheFile, script, bundleSuffix(file)));
  }
  const module = { exports: {} as unknown, filename: file };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/**
 * One cache file per bundle and Node version and CPU; undefined when there is no safe
 * folder for it (another user's, or writable by others: a planted cache would run as
 * code). V8 checks a cache against the source's length only, so the name must change with
 * the content: the package version, and the bundle's size and time (a local rebuild).
 */
function cacheFileFor(file: string, version: string): string | undefined {
  const uid = process.getuid?.() ?? 'user';
  const dir = join(tmpdir(), `create-pod-pattern-compile-cache-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = statSync(dir);
    if (!s.isDirectory() || (process.getuid && s.uid !== process.getuid()) || (s.mode & 0o022) !== 0) return undefined;
    const { size, mtimeMs } = statSync(file);
    return join(dir, safeName(`${version}-node${process.version}-${process.arch}-${size}-${Math.round(mtimeMs)}`) + bundleSuffix(file));
  } catch {
    return undefined;
  }
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

const safeName = (name: string) => name.replace(/[^\w.-]/g, '_');

/** How every cache file of one bundle ends, whatever version or Node made it. */
const bundleSuffix = (file: string) => safeName(`-${basename(file)}.bin`);

/** Cache files kept per bundle: the one just written and the newest others (another Node, another version in use). */
const KEEP_PER_BUNDLE = 3;

/**
 * Best effort, and whole or not at all: written aside, then renamed into place. Each new
 * version, Node or local build makes a new file, so the oldest of the bundle's are removed:
 * the folder stays a few files, not one more per upgrade.
 */
function writeCache(path: string, script: Script, suffix: string): void {
  try {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, path);
    const dir = dirname(path);
    const others = readdirSync(dir)
      .filter((name) => name.endsWith(suffix) && join(dir, name) !== path)
      .map((name) => ({ path: join(dir, name), mtimeMs: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of others.slice(KEEP_PER_BUNDLE - 1)) rmSync(old.path, { force: true });
  } catch {
    // A read-only or full temp folder only costs the next run its speed.
  }
}
