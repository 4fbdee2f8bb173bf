// node-plop's own file actions (add, modify, append) reach node:fs/promises when they load:
// `rm` imported from it, and fs.promises.readdir/stat/chmod read in fs-promise-proxy.js.
// Loading that module costs every scaffold about 1 ms (it brings readline and the file
// watchers), for actions the CLI never runs. The same functions, looked up when called.
import fs from 'node:fs';

const promises = () => fs.promises;
export const rm = (...args) => promises().rm(...args);
export const makeDir = (path) => promises().mkdir(path, { recursive: true });
export const readdir = (...args) => promises().readdir(...args);
export const stat = (...args) => promises().stat(...args);
export const chmod = (...args) => promises().chmod(...args);
export const readFile = (path) => promises().readFile(path, 'utf8');
export const writeFile = (path, data) => promises().writeFile(path, data, 'utf8');
export const readFileRaw = (path) => promises().readFile(path, null);
export const writeFileRaw = (path, data) => promises().writeFile(path, data, null);
export const fileExists = (path) =>
  promises()
    .access(path)
    .then(
      () => true,
      () => false,
    );
export const constants = fs.constants;
