// Test-only preload (node --require): at exit, writes to $CPP_TEST_RECORD_LOADS the Node
// modules the run loaded and the folders it listed, one JSON object.
const fs = require('node:fs');

const listed = [];
const readdirSync = fs.readdirSync;
fs.readdirSync = function (path, ...rest) {
  listed.push(String(path));
  return readdirSync.call(this, path, ...rest);
};
process.on('exit', () => {
  fs.writeFileSync(process.env.CPP_TEST_RECORD_LOADS, JSON.stringify({ modules: process.moduleLoadList, listed }));
});
