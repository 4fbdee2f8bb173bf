// Preloaded into the CLI (node --require) by tests/add/locks.test.ts: renames, and removals of a
// lock (.cpp-lock), take CPP_TEST_SLOW_RENAME_MS / CPP_TEST_SLOW_UNLINK_MS first, widening the
// moments two runs can meet in, however fast the machine. Test code only: the CLI has no such hook.
const fs = require('node:fs');

const pause = (ms) => ms > 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const renameMs = Number(process.env.CPP_TEST_SLOW_RENAME_MS ?? 0);
const unlinkMs = Number(process.env.CPP_TEST_SLOW_UNLINK_MS ?? 0);
const { rename, unlinkSync } = fs;
fs.rename = (from, to, callback) => {
  if (!String(to).includes('.cpp-')) pause(renameMs);
  rename(from, to, callback);
};
fs.unlinkSync = (path) => {
  if (String(path).endsWith('.cpp-lock')) pause(unlinkMs);
  return unlinkSync(path);
};
