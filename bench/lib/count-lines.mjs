// Reads one follower's stdout from a named pipe and counts its lines, in a process of its
// own: as a container runtime reads each container's stdout from a pipe of its own (conmon
// and runc's shim make pipes), with blocking reads of up to 1 MiB. So the reader keeps up
// with either follower; counting in the bench's own process, one 64 KiB read per turn of
// its event loop from socket pairs for both, made that process what both waited on.
//
//   node count-lines.mjs <fifo> <expected lines>
//
// Prints one JSON line when the expected lines have come: {"lines","first","last"}
// (process.hrtime in ns as strings: CLOCK_MONOTONIC, the same clock in every process), then
// {"lines"} again for every read that brings more (a follower that prints a line twice).
import { openSync, readSync } from 'node:fs';

const [fifo, expectedArg] = process.argv.slice(2);
const expected = Number(expectedArg);
const fd = openSync(fifo, 'r');
const buffer = Buffer.allocUnsafe(1024 * 1024);
let lines = 0;
let first;
for (;;) {
  const n = readSync(fd, buffer, 0, buffer.length, null);
  if (n === 0) break; // the follower is gone
  const now = process.hrtime.bigint();
  first ??= now;
  const before = lines;
  const chunk = buffer.subarray(0, n);
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  if (before < expected && lines >= expected) process.stdout.write(`${JSON.stringify({ lines, first: `${first}`, last: `${now}` })}\n`);
  else if (before >= expected && lines > before) process.stdout.write(`${JSON.stringify({ lines })}\n`);
}
