/** The golden examples: one project per pattern, the full combination and the anti-pattern, in English and Korean, generated with these arguments. */
export const EXAMPLES = [
  { dir: 'singleton', args: ['--pattern', 'singleton', '--lang', 'en', '--yes'] },
  { dir: 'sidecar', args: ['--pattern', 'sidecar', '--lang', 'en', '--yes'] },
  { dir: 'ambassador', args: ['--pattern', 'ambassador', '--namespace', 'ambassador-demo', '--lang', 'en', '--yes'] },
  { dir: 'adapter', args: ['--pattern', 'adapter', '--lang', 'en', '--yes'] },
  { dir: 'all-helpers', args: ['--pattern', 'sidecar,ambassador,adapter', '--lang', 'en', '--yes'] },
  { dir: 'anti-pattern', args: ['--pattern', 'anti-pattern', '--lang', 'en', '--yes'] },
  { dir: 'ko-singleton', args: ['--pattern', 'singleton', '--lang', 'ko', '--yes'] },
  { dir: 'ko-sidecar', args: ['--pattern', 'sidecar', '--lang', 'ko', '--yes'] },
  { dir: 'ko-ambassador', args: ['--pattern', 'ambassador', '--namespace', 'ambassador-demo', '--lang', 'ko', '--yes'] },
  { dir: 'ko-adapter', args: ['--pattern', 'adapter', '--lang', 'ko', '--yes'] },
  { dir: 'ko-all-helpers', args: ['--pattern', 'sidecar,ambassador,adapter', '--lang', 'ko', '--yes'] },
  { dir: 'ko-anti-pattern', args: ['--pattern', 'anti-pattern', '--lang', 'ko', '--yes'] },
];
