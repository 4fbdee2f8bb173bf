// The generated containers as the bench runs them: each bundled with esbuild exactly as a
// generated project's scripts/build.mjs does, and started with node and the environment its
// manifest would set (from src/patterns, the one description of every pattern), with
// loopback ports the bench picked instead of the fixed ones.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, ROOT } from './paths.mjs';
import { startChild } from './proc.mjs';

const BUILD_DIR = join(BENCH_DIR, 'build');

/** What was measured: each bundle's sha256 (first 12 hex digits), since the sources may change between runs. */
export const builtBundles = new Map();

async function esbuild() {
  // The repo's own devDependency; a generated project uses the same options.
  return import(pathToFileURL(join(ROOT, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
}

/** Bundles templates/containers/<name> to .bench/build/<name>.cjs; returns its path. */
export async function bundleContainer(name) {
  const { build } = await esbuild();
  mkdirSync(BUILD_DIR, { recursive: true });
  const outfile = join(BUILD_DIR, `${name}.cjs`);
  // The same options as templates/project/scripts/build.mjs.
  await build({
    entryPoints: [join(ROOT, 'templates', 'containers', name, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
  });
  builtBundles.set(name, createHash('sha256').update(readFileSync(outfile)).digest('hex').slice(0, 12));
  return outfile;
}

let patterns;
/** src/patterns, bundled to plain JS once so node can import it. */
async function loadPatterns() {
  if (patterns) return patterns;
  const { build } = await esbuild();
  mkdirSync(BUILD_DIR, { recursive: true });
  const outfile = join(BUILD_DIR, 'patterns.mjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'patterns', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  patterns = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  return patterns;
}

/**
 * The env a pattern's manifest sets for one container (or companion, e.g. the demo
 * upstream), with `overrides` for what must differ on this machine (ports, file paths).
 */
export async function manifestEnv(pattern, container, overrides = {}) {
  const { describePattern } = await loadPatterns();
  const plan = describePattern({
    directory: 'bench',
    pattern,
    name: 'bench',
    port: 8080,
    replicas: 1,
    sidecarMode: 'native',
    target: 'kind',
    imagePrefix: 'local/',
  });
  const spec =
    plan.containers.find((c) => c.name === container) ?? plan.companions.map((c) => c.container).find((c) => c.name === container);
  if (!spec) throw new Error(`pattern ${pattern} has no container ${container}`);
  const env = { ...spec.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in env)) throw new Error(`the ${pattern} manifest sets no ${key} for ${container}: the bench is out of date`);
    env[key] = String(value);
  }
  return env;
}

/** Starts a bundled container with node and exactly `env` (plus PATH and HOME). */
export function startContainer(bundle, env, options = {}) {
  if (!existsSync(bundle)) throw new Error(`${bundle} is not built`);
  return startChild(process.execPath, [bundle], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    ...options,
  });
}
