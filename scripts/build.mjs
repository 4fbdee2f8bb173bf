// Bundles the CLI into one file so `npx create-pod-pattern` downloads and loads little.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  minify: true,
  legalComments: 'linked',
  define: { __VERSION__: JSON.stringify(version) },
  banner: {
    // Bundled CommonJS dependencies still call require().
    js: "#!/usr/bin/env node\nimport { createRequire as __cpp_createRequire } from 'node:module'; const require = __cpp_createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
