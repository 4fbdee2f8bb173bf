/**
 * Templates compiled at build time, keyed by their path under templates/. scripts/build.mjs
 * replaces this module in the bundle; run from source (tests, `npx plop`), it is empty and
 * templates are compiled from their files.
 */
/** What Handlebars.precompile returns, evaluated. */
type TemplateSpec = Parameters<typeof import('handlebars/runtime')['template']>[0];

export const precompiledTemplates: Record<string, TemplateSpec> = {};
