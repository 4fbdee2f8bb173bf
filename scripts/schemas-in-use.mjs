// Which of kubernetes-models' schema validators the generator's manifests ever run: a
// probe, bundled from src/ with every schema module wrapped to record that it ran, plans
// the manifests of every variant (src/cli/variants.ts) and validates each object.
//
// scripts/build.mjs leaves the others out of the CLI (about 110 of 135 schema modules, a
// third of its code, and as much of its start-up), all but dist/add.cjs: add checks a user's
// own Deployment, which may use any field. Each becomes a validator that always
// fails, saying so: should the generator ever write such a field, validation stops it
// rather than letting it through unchecked, and tests/bundle-matches-source.test.ts,
// which generates every variant with the bundle, fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LEFT_OUT = fileURLToPath(new URL('./stubs/left-out-schema.mjs', import.meta.url));
/** A schema module of kubernetes-models or @kubernetes-models/apimachinery; its name is the type. */
export const SCHEMA_MODULE = /[\\/]_schemas[\\/](\w+)\.js$/;

const PROBE = `
import { Model } from '@kubernetes-models/base';
import { resolveOptions } from './src/cli/options.ts';
import { manifestVariants } from './src/cli/variants.ts';
import { buildProjectManifests } from './src/manifests/project-manifests.ts';

export function run() {
  const variants = manifestVariants();
  for (const variant of variants) {
    const options = resolveOptions({ directory: 'probe', ...variant, yes: true });
    for (const file of buildProjectManifests(options)) for (const object of file.objects) if (object instanceof Model) object.validate();
  }
  return { variants: variants.length, used: [...(globalThis.__schemasInUse ?? [])].sort() };
}
`;

const recordRuns = {
  name: 'record-schema-runs',
  setup(b) {
    b.onLoad({ filter: SCHEMA_MODULE }, async (args) => {
      const name = SCHEMA_MODULE.exec(args.path)[1];
      const source = await readFile(args.path, 'utf8');
      const wrapped = source.replace(
        /export const validate=(\w+);/,
        (_, fn) =>
          `export const validate=(()=>{function w(d,o){(globalThis.__schemasInUse??=new Set()).add(${JSON.stringify(name)});const r=${fn}(d,o);w.errors=${fn}.errors;return r}return w})();`,
      );
      if (wrapped === source)
        throw new Error(`${args.path}: no "export const validate=" to wrap; has kubernetes-models changed its layout?`);
      return { contents: wrapped, loader: 'js' };
    });
  },
};

/** An esbuild plugin: schema modules not in `used` become validators that always fail. */
export function leaveOutUnusedSchemas(used) {
  return {
    name: 'leave-out-unused-schemas',
    setup(b) {
      b.onLoad({ filter: SCHEMA_MODULE }, (args) => {
        const name = SCHEMA_MODULE.exec(args.path)[1];
        if (used.has(name)) return undefined;
        return {
          contents: `import{leftOut}from${JSON.stringify(LEFT_OUT)};export const validate=leftOut(${JSON.stringify(name)});`,
          loader: 'js',
        };
      });
    },
  };
}

/** The names of the schema modules that validating every variant runs. */
export async function schemasInUse() {
  const dir = mkdtempSync(join(tmpdir(), 'schemas-in-use-'));
  try {
    const outfile = join(dir, 'probe.mjs');
    await build({
      stdin: { contents: PROBE, resolveDir: ROOT, loader: 'ts', sourcefile: 'schemas-probe.ts' },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      plugins: [recordRuns],
      logLevel: 'error',
    });
    const { run } = await import(pathToFileURL(outfile).href);
    const { variants, used } = run();
    if (variants < 10 || used.length === 0)
      throw new Error(`the schema probe ran ${variants} variants and saw ${used.length} schemas: it is broken`);
    return new Set(used);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const used = await schemasInUse();
  writeFileSync(1, `${[...used].join('\n')}\n`);
}
