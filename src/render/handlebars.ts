import Runtime from 'handlebars/runtime';

/** Output is code, YAML or Markdown, never HTML: no escaping; a missing field is an error. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

export function registerHelpers(instance: typeof Runtime): typeof Runtime {
  instance.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  instance.registerHelper('json', (value: unknown) => JSON.stringify(value));
  return instance;
}

/** The runtime alone: the bundled CLI renders templates precompiled at build time. */
export const runtime = registerHelpers(Runtime.create());
