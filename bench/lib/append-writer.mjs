// Appends `lines` access-log lines (the app's own format) to `file` as fast as it can, in
// ~100 kB writes of pre-made lines (so the writer is never what limits the followers), then
// prints the bytes written. Run as its own process so the followers read a file that grows
// while they read it.
import { closeSync, openSync, writeSync } from 'node:fs';

const [file, linesArg] = process.argv.slice(2);
const total = Number(linesArg);
const BLOCK_LINES = 1000;
const paths = ['/', '/healthz', '/readyz', '/status', '/missing'];
const start = Date.parse('2026-01-01T00:00:00.000Z');
const line = (i) => {
  const path = paths[i % paths.length];
  return `${JSON.stringify({ time: new Date(start + i).toISOString(), method: 'GET', path, status: path === '/missing' ? 404 : 200, durationMs: ((i * 7) % 1000) / 1000 })}\n`;
};
const block = Buffer.from(Array.from({ length: BLOCK_LINES }, (_, i) => line(i)).join(''));
// Byte offset of the end of each line in the block, to write a partial block at the end.
const ends = [];
for (let i = block.indexOf(10); i !== -1; i = block.indexOf(10, i + 1)) ends.push(i + 1);

const fd = openSync(file, 'a');
let bytes = 0;
const writeAll = (buffer) => {
  let written = 0;
  while (written < buffer.length) written += writeSync(fd, buffer, written);
  bytes += buffer.length;
};
for (let done = 0; done < total; done += BLOCK_LINES) {
  const n = Math.min(BLOCK_LINES, total - done);
  writeAll(n === BLOCK_LINES ? block : block.subarray(0, ends[n - 1]));
}
closeSync(fd);
process.stdout.write(`${bytes}\n`);
