#!/usr/bin/env node
import { writeSync } from 'node:fs';
import module from 'node:module';
import { main } from './main.js';

// Node >= 22.1 keeps compiled code between runs for this entry and the lint bundle; the
// create-project flow has a cache of its own that also keeps what ran (src/cli/compile-cache.ts).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/**
 * Output piped into a reader that stops early (`| head -3`): no one is left to read the rest,
 * so stop quietly, as `cat` and `ls` do, instead of dying on an unhandled EPIPE.
 */
function stopQuietly(): never {
  process.exit(process.exitCode ?? 0);
}

/**
 * Writes straight to the file descriptor, not through process.stdout: building that stream
 * loads Node's stream classes, ~3 ms of every run (as much as `--version` costs besides).
 * A non-blocking pipe that is full (EAGAIN) gets the rest through the stream, which waits.
 */
function writerTo(fd: 1 | 2): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  return (text) => {
    if (stream) return void stream.write(text);
    let rest = Buffer.from(text);
    try {
      while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No reader of stdout: stop. No reader of stderr: the exit status still tells.
      if (code === 'EPIPE') return fd === 1 ? stopQuietly() : undefined;
      if (code !== 'EAGAIN') throw error;
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
        if (fd === 1) stopQuietly();
      });
      stream.write(rest);
    }
  };
}

main(process.argv.slice(2), {
  stdout: writerTo(1),
  stderr: writerTo(2),
  // Asked only when about to prompt: building the stdin stream costs a few ms a --yes run never needs.
  get interactive() {
    return Boolean(process.stdin.isTTY && process.stdout.isTTY);
  },
}).then((code) => {
  process.exitCode = code;
});
