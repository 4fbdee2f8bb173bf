// Bundles the CLI so `npx create-pod-pattern` downloads and loads little: no runtime
// dependencies, and the prompt and lint code split into chunks loaded only when used.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { leaveOutUnusedSchemas, schemasInUse } from './schemas-in-use.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Files below templates/ as src/render/templates.ts lists them: build output skipped, sorted. */
function templateFileList(dir = 'templates') {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && e.name !== 'dist')
    .flatMap((e) =>
      e.isDirectory() ? templateFileList(join(dir, e.name)) : [relative('templates', join(dir, e.name)).split('\\').join('/')],
    )
    .sort();
}

/** Every templates/**.hbs compiled now, so the CLI ships the handlebars runtime, not its compiler; and the list of template files. */
function precompiledTemplatesModule() {
  const files = templateFileList();
  const entries = files
    .filter((f) => f.endsWith('.hbs'))
    .map((key) => {
      const spec = Handlebars.precompile(readFileSync(join('templates', key), 'utf8'), { noEscape: true, strict: true });
      return `  ${JSON.stringify(key)}: ${spec},`;
    });
  return `export const precompiledTemplates = {\n${entries.join('\n')}\n};\nexport const templateFiles = ${JSON.stringify(files)};\n`;
}

/** The template files the bundle reads (all but the precompiled .hbs) as src/render/template-pack.ts reads them. */
function writeTemplatesPack(file) {
  const files = templateFileList().filter((f) => !f.endsWith('.hbs'));
  const contents = files.map((f) => readFileSync(join('templates', f)));
  const index = JSON.stringify(files.map((f, i) => [f, contents[i].length]));
  writeFileSync(file, Buffer.concat([Buffer.from(`${index}\n`), ...contents]));
}

const precompiled = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /src[\\/]render[\\/]precompiled\.ts$/ }, () => ({ contents: precompiledTemplatesModule(), loader: 'js' }));
  },
};

/** node-plop imports all of handlebars for renderString, which the CLI's one custom action never calls. */
const handlebarsRuntimeOnly = {
  name: 'handlebars-runtime-only',
  setup(b) {
    b.onResolve({ filter: /^handlebars$/ }, () => ({ path: fileURLToPath(import.meta.resolve('handlebars/runtime.js')) }));
  },
};

/** node-plop's own file actions load node:fs/promises; see scripts/stubs/plop-fs-promises.mjs. */
const plopFsPromises = {
  name: 'plop-fs-promises',
  setup(b) {
    const stub = fileURLToPath(new URL('./stubs/plop-fs-promises.mjs', import.meta.url));
    const fromPlop = (args) => /[\\/]node-plop[\\/]/.test(args.importer);
    b.onResolve({ filter: /^node:fs\/promises$|[\\/]fs-promise-proxy\.js$/ }, (args) => (fromPlop(args) ? { path: stub } : undefined));
  },
};

/** Formats no Kubernetes schema uses; see scripts/stubs/unused-formats.mjs. */
const unusedFormats = {
  name: 'unused-formats',
  setup(b) {
    b.onResolve({ filter: /^ajv-formats-draft2019\/formats/ }, () => ({
      path: fileURLToPath(new URL('./stubs/unused-formats.mjs', import.meta.url)),
    }));
    b.onResolve({ filter: /^is-cidr$/ }, () => ({ path: fileURLToPath(new URL('./stubs/is-cidr.mjs', import.meta.url)) }));
  },
};

/** Validators no generated manifest runs are left out: scripts/schemas-in-use.mjs says why and how. */
const unusedSchemas = leaveOutUnusedSchemas(await schemasInUse());

/**
 * The entry loads each part from its own file in dist/, never inlined: the generate flow
 * through src/cli/load-create-project.ts, the lint command and the prompts by require().
 */
const partsApart = {
  name: 'parts-apart',
  setup(b) {
    b.onResolve({ filter: /[\\/]create-project\.js$/ }, () => ({ path: './generate.cjs', external: true }));
    b.onResolve({ filter: /[\\/]lint[\\/]command\.js$/ }, () => ({ path: './lint.cjs', external: true }));
    b.onResolve({ filter: /[\\/]add[\\/]command\.js$/ }, () => ({ path: './add.cjs', external: true }));
    b.onResolve({ filter: /^\.[\\/]prompts\.js$/ }, () => ({ path: './prompts.cjs', external: true }));
  },
};

/** The Korean catalog stays in dist/ko.cjs, loaded the first time it is asked for (src/i18n/korean.ts). */
const koreanApart = {
  name: 'korean-apart',
  setup(b) {
    b.onLoad({ filter: /src[\\/]i18n[\\/]korean\.ts$/ }, () => ({
      contents: "let ko; export function loadKorean() { return (ko ??= require('./ko.cjs')); }",
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/ko\.cjs$/ }, () => ({ path: './ko.cjs', external: true }));
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  alias: {
    inquirer: './scripts/stubs/inquirer.mjs',
    resolve: './scripts/stubs/plop-unused.mjs',
    tinyglobby: './scripts/stubs/plop-unused.mjs',
    'change-case': './scripts/stubs/plop-case-helpers.mjs',
    'title-case': './scripts/stubs/plop-case-helpers.mjs',
    '@inquirer/editor': './scripts/stubs/inquirer-editor.mjs',
    // yaml's ES module build, so what a scaffold never calls (the parser) is left out.
    yaml: './node_modules/yaml/browser/index.js',
    // jsonc-parser's main build is UMD, whose require() of its parts a bundler cannot follow.
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
  },
  define: { __VERSION__: JSON.stringify(version) },
  plugins: [precompiled, handlebarsRuntimeOnly, plopFsPromises, unusedFormats, unusedSchemas, koreanApart],
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });

/** One CommonJS file (CommonJS loads faster than ES modules, and only scripts can use V8's code cache on Node 18 and 20). */
const bundle = (name, entry, options = {}) =>
  build({
    ...shared,
    entryPoints: { [name]: entry },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    ...options,
    define: { ...shared.define, 'import.meta.url': '__bundle_url', ...options.define },
    banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  });

// The entry: arguments, --help, --version; it loads the rest when it is needed.
await bundle('cli', 'src/cli/bin.ts', {
  define: { __GENERATE_BUNDLE__: JSON.stringify('./generate.cjs') },
  plugins: [...shared.plugins, partsApart],
});
// The create-project flow; src/cli/compile-cache.ts keeps its compiled code between runs.
await bundle('generate', 'src/cli/create-project.ts');
await bundle('lint', 'src/lint/command.ts');
// add validates the user's own Deployment, which may use any field: every schema stays in.
await bundle('add', 'src/add/command.ts', { plugins: shared.plugins.filter((plugin) => plugin !== unusedSchemas) });
await bundle('prompts', 'src/cli/prompts.ts');
await bundle('ko', 'src/i18n/ko/index.ts');
writeTemplatesPack('dist/templates.pack');
