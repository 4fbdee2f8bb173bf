// Preloaded into the CLI (node --require) by tests/interrupted-runs.test.ts: while the Nth move
// into the project is under way, the process sends itself a signal, as a Ctrl-C or SIGTERM
// arriving at that moment would. CPP_TEST_SIGNAL_DURING_MOVE is "<signal>:<N>". Moves into
// the staging folder (.cpp-*) are not counted. Test code only: the CLI has no such hook.
const fs = require('node:fs');

const [signal, nth] = (process.env.CPP_TEST_SIGNAL_DURING_MOVE ?? '').split(':');
const rename = fs.rename;
let moves = 0;
fs.rename = (from, to, callback) => {
  rename(from, to, callback);
  if (!String(to).includes('.cpp-') && ++moves === Number(nth)) process.kill(process.pid, signal);
};
