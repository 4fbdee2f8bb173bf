/** The golden examples: one project per pattern, generated with these arguments. */
export const EXAMPLES = [
  { dir: 'singleton', args: ['--pattern', 'singleton', '--yes'] },
  { dir: 'sidecar', args: ['--pattern', 'sidecar', '--yes'] },
  { dir: 'ambassador', args: ['--pattern', 'ambassador', '--namespace', 'ambassador-demo', '--yes'] },
  { dir: 'adapter', args: ['--pattern', 'adapter', '--yes'] },
];
