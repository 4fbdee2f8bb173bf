// node-plop's baked-in case helpers (camelCase, titleCase, ...) for its own renderString,
// which the bundled CLI never calls (it renders templates precompiled at build time, with the
// handlebars runtime alone). The real modules build Unicode-property regular expressions
// when they load, ~7 M instructions of every run; `npx plop` still uses them.
function notBundled() {
  throw new Error("node-plop's case helpers are not bundled in create-pod-pattern");
}
export const camelCase = notBundled;
export const snakeCase = notBundled;
export const dotCase = notBundled;
export const pathCase = notBundled;
export const sentenceCase = notBundled;
export const constantCase = notBundled;
export const kebabCase = notBundled;
export const pascalCase = notBundled;
export const titleCase = notBundled;
