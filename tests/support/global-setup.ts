import { execFileSync } from 'node:child_process';

/** The CLI tests drive the bundled CLI, the file users run; build it once per test run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
