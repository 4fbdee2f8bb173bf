#!/usr/bin/env node
import module from 'node:module';
import { main } from './main.js';

// Node >= 22.1 keeps compiled code between runs (the generate chunks are loaded after this).
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
