#!/usr/bin/env node
import module from 'node:module';
import { main } from './main.js';

// Node >= 22.1 keeps compiled code between runs for this entry and the lint bundle; the
// create-project flow has a cache of its own that also keeps what ran (src/cli/compile-cache.ts).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Output piped into a reader that stops early (`| head -3`): no one is left to read the rest,
// so stop quietly, as `cat` and `ls` do, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

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
