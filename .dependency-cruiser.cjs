/** Import rules of the layers: `npm run lint` fails on any of them. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle blurs which module builds on which.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lower-layers-never-import-the-cli',
      severity: 'error',
      comment: 'Patterns, plans, manifests, rendering, writing and lint are used by the CLI, never the other way round.',
      from: { path: '^src/(patterns|plan|manifests|render|write|lint)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'patterns-are-plain-data',
      severity: 'error',
      comment: 'A pattern description depends on nothing but its own folder (and the catalog types its docs fill in).',
      from: { path: '^src/patterns/' },
      to: { path: '^src/(?!patterns/|i18n/)' },
    },
    {
      name: 'generated-code-stands-alone',
      severity: 'error',
      comment: 'Template code is copied into a generated project: it may not import the generator.',
      from: { path: '^templates/' },
      to: { path: '^(src|scripts|bench|tests)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|examples|node_modules)/' },
  },
};
