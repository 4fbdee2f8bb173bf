/**
 * Templates compiled at build time, keyed by their path under templates/, and the list of
 * template files. scripts/build.mjs replaces this module in the bundle; run from source
 * (tests, `npx plop`), it is empty and templates are compiled and listed from their files.
 */
/** What Handlebars.precompile returns, evaluated. */
type TemplateSpec = Parameters<typeof import('handlebars/runtime')['template']>[0];

export const precompiledTemplates: Record<string, TemplateSpec> = {};

/** Every file below templates/ (build output skipped), sorted; from source, undefined: the folder is read. */
export const templateFiles: readonly string[] | undefined = undefined;
