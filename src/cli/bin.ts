#!/usr/bin/env node
import module from 'node:module';
import { main } from './main.js';

// Node >= 22.1 keeps compiled code between runs (the generate flow is loaded after this;
// on older Node, src/cli/compile-cache.ts does the same for it).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // Asked only when about to prompt: building the stdin stream costs a few ms a --yes run never needs.
  get interactive() {
    return Boolean(process.stdin.isTTY && process.stdout.isTTY);
  },
}).then((code) => {
  process.exitCode = code;
});
