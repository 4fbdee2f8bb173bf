// Regenerates examples/<pattern>/ with the built CLI: the golden projects a test compares against.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { EXAMPLES } from './examples-list.mjs';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
for (const example of EXAMPLES) {
  rmSync(`examples/${example.dir}`, { recursive: true, force: true });
  execFileSync(process.execPath, ['dist/cli.cjs', `examples/${example.dir}`, ...example.args], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`examples/${example.dir}: ${example.args.join(' ')}`);
}
