// npm run build: bundle each container's code, dependencies included, into the one file its image copies.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { projectRoot } from './lib/io.mjs';

process.chdir(projectRoot);
const containers = readdirSync('containers').filter((name) => existsSync(`containers/${name}/src/index.ts`));

const bundle = (name) =>
  build({
    entryPoints: [`containers/${name}/src/index.ts`],
    outfile: `containers/${name}/dist/index.cjs`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
  });

const results = await Promise.allSettled(containers.map(bundle));
results.forEach((result, i) => {
  const name = containers[i];
  const outfile = `containers/${name}/dist/index.cjs`;
  if (result.status === 'fulfilled') console.log(`✓ ${name.padEnd(12)} ${outfile} (${(statSync(outfile).size / 1024).toFixed(1)} kB)`);
  else console.error(`✗ ${name.padEnd(12)} ${result.reason.message}`);
});
process.exitCode = results.some((result) => result.status === 'rejected') ? 1 : 0;
