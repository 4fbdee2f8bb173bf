// The scripts' sentences come from lib/text.mjs, in the project's language (written by
// create-pod-pattern); `{name}` in them is filled in here. Pure.

/** `fill('{n} of {total}', { n: 3, total: 10 })` -> '3 of 10'; an unknown name is left as written. */
export const fill = (template, values = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name) => (values[name] === undefined ? whole : String(values[name])));
