#!/usr/bin/env node
import { main } from './main.js';

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  interactive,
}).then((code) => {
  process.exitCode = code;
});
