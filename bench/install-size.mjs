// What `npx create-pod-pattern` installs: `npm pack` the repo (prepack builds dist/), then
// `npm install` the tarball into a temp prefix, as npx does into its cache, and measure it.
//
// The pack runs in a snapshot of the working tree (node_modules linked, not copied): others'
// tests build and pack in the repo too, and a prepack there removes and rebuilds dist/ under
// their feet (and theirs under ours).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, note } from './lib/paths.mjs';
import { makeTempDir, run } from './lib/proc.mjs';
import { fmt, ratio } from './lib/stats.mjs';
import { row } from './lib/table.mjs';

export const MAX_INSTALL_BYTES = 5 * 1024 * 1024;
export const MAX_PACKAGES = 5;

/** Bytes on disk as `du -sb` counts them (apparent sizes, hard links once). */
function diskUsage(dir) {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/** Every installed package: a folder with a package.json under node_modules, nested ones included. */
function countPackages(nodeModules) {
  let count = 0;
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (entry.startsWith('@')) {
        visit(path);
        continue;
      }
      if (existsSync(join(path, 'package.json'))) {
        count += 1;
        visit(join(path, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return count;
}

/** Packs and installs the package; returns the rows, the installed CLI and the tarball, for the scaffold runs. */
export async function measureInstallSize({ createVite }) {
  const home = makeTempDir('install');
  const snapshot = join(home, 'repo');
  const skip = new Set(['.git', 'node_modules', '.bench', 'dist', 'coverage', '.cache']);
  cpSync(ROOT, snapshot, {
    recursive: true,
    filter: (source) =>
      !relative(ROOT, source)
        .split(sep)
        .some((part) => skip.has(part)) && !source.endsWith('.tgz'),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(snapshot, 'node_modules'), 'dir');
  note('npm pack of a snapshot of the working tree (prepack builds dist/) ...');
  const pack = await run('npm', ['pack', '--pack-destination', home, '--json'], { cwd: snapshot, timeoutMs: 180_000 });
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  // prepack's own output may come first; npm's JSON is the last thing printed.
  const json = /^\[\s*\{[\s\S]*$/m.exec(pack.stdout);
  if (!json) throw new Error(`npm pack printed no JSON: ${pack.stdout.slice(-500)}`);
  const [packed] = JSON.parse(json[0]);
  const tarball = join(home, packed.filename);

  const prefix = join(home, 'prefix');
  note(`npm install ${packed.filename} into a temp prefix ...`);
  const install = await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', tarball], {
    cwd: home,
    timeoutMs: 180_000,
  });
  if (install.code !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);

  const nodeModules = join(prefix, 'node_modules');
  const bytes = diskUsage(nodeModules);
  const packages = countPackages(nodeModules);
  const viteModules = join(createVite.prefix, 'node_modules');
  const viteBytes = diskUsage(viteModules);
  const vitePackages = countPackages(viteModules);
  // The bin as the installed package.json names it, as npx would run it.
  const installedPkg = join(nodeModules, 'create-pod-pattern');
  const cli = join(installedPkg, JSON.parse(readFileSync(join(installedPkg, 'package.json'), 'utf8')).bin['create-pod-pattern']);

  const rows = [
    row({
      measurement: 'npx install: disk (du -sb node_modules)',
      value: fmt.bytes(bytes),
      baseline: `${fmt.bytes(viteBytes)} (create-vite ${createVite.version})`,
      ratio: fmt.ratio(ratio(bytes, viteBytes)),
      goal: `≤ ${fmt.bytes(MAX_INSTALL_BYTES)}`,
      pass: bytes <= MAX_INSTALL_BYTES,
    }),
    row({
      measurement: 'npx install: packages',
      value: fmt.count(packages),
      baseline: `${vitePackages} (create-vite)`,
      ratio: fmt.ratio(ratio(packages, vitePackages)),
      goal: `≤ ${MAX_PACKAGES}`,
      pass: packages <= MAX_PACKAGES,
    }),
    row({
      measurement: 'npm pack: tarball',
      value: `${fmt.bytes(statSync(tarball).size)} (${packed.entryCount} files)`,
      goal: '—',
    }),
  ];
  return {
    rows,
    cli,
    tarball,
    notes: [`tarball ${packed.filename}: ${packed.entryCount} files, ${fmt.bytes(packed.unpackedSize)} unpacked`],
  };
}
