// Bundles the CLI so `npx create-pod-pattern` downloads and loads little: no runtime
// dependencies, and the prompt and lint code split into chunks loaded only when used.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node18',
  minify: true,
  legalComments: 'linked',
  alias: { inquirer: './scripts/stubs/inquirer.mjs' },
  define: { __VERSION__: JSON.stringify(version) },
  banner: {
    // Bundled CommonJS dependencies still call require().
    js: "import { createRequire as __cpp_createRequire } from 'node:module'; const require = __cpp_createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
