// The first run on a machine, as someone who has never run either CLI waits for it:
// `npm exec` (what `npx` and `npm create` run) with an empty npm cache and an empty temp
// folder, so the package is unpacked and installed and no compiled code is cached yet.
// Both packages come from their tarballs and npm runs offline: the network's speed is not
// measured (the tarballs' sizes are, in the install rows). Both run on the bench's Node.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { note } from './lib/paths.mjs';
import { fileCreationScratch, run, timeCommand } from './lib/proc.mjs';
import { fmt, median, ratio } from './lib/stats.mjs';
import { row } from './lib/table.mjs';

export const MAX_NPX_FIRST_RUN_RATIO = 1.5;

/** create-vite's published tarball (from npm's cache when the bench installed it, else the registry). */
async function packCreateVite(version, dir) {
  const packed = await run('npm', ['pack', `create-vite@${version}`, '--prefer-offline', '--pack-destination', dir, '--json'], {
    cwd: dir,
    timeoutMs: 120_000,
  });
  if (packed.code !== 0) throw new Error(`npm pack create-vite@${version} failed: ${packed.stderr}`);
  return join(dir, JSON.parse(packed.stdout)[0].filename);
}

export async function measureNpxFirstRun({ tarball, createVite, runs }) {
  const { dir: work, where } = await fileCreationScratch('npx');
  const contenders = {
    ours: { tarball, bin: 'create-pod-pattern', args: ['p', '--pattern', 'sidecar', '--yes'] },
    vite: {
      tarball: await packCreateVite(createVite.version, work),
      bin: 'create-vite',
      args: ['p', '--template', 'vanilla-ts', '--no-interactive', '--no-immediate'],
    },
  };
  // npm starts the bin through its shebang (`env node`): the bench's Node comes first on PATH.
  const path = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;
  const times = { ours: [], vite: [] };
  const cpu = { ours: [], vite: [] };
  note(`npx first run: 1 warm-up + ${runs} interleaved runs each, empty npm cache every time, in ${where} ...`);
  for (let i = 0; i < 1 + runs; i++) {
    const names = i % 2 === 0 ? ['ours', 'vite'] : ['vite', 'ours'];
    for (const name of names) {
      const { tarball: tgz, bin, args } = contenders[name];
      const dir = join(work, `${name}-${i}`);
      for (const sub of ['cache', 'tmp', 'cwd']) mkdirSync(join(dir, sub), { recursive: true });
      const env = { ...process.env, PATH: path, TMPDIR: join(dir, 'tmp'), npm_config_update_notifier: 'false' };
      const { ms, cpuMs } = timeCommand(
        'npm',
        ['exec', '--yes', '--offline', '--cache', join(dir, 'cache'), `--package=${tgz}`, '--', bin, ...args],
        { cwd: join(dir, 'cwd'), env, timeoutMs: 120_000, group: true },
      );
      if (!existsSync(join(dir, 'cwd', 'p', 'package.json'))) throw new Error(`npx ${bin} wrote no package.json`);
      // Kept until the bench ends, as in scaffold.mjs: removing it here would slow the next run's file creation.
      if (i >= 1) {
        times[name].push(ms);
        cpu[name].push(cpuMs);
      }
    }
  }
  const ours = median(times.ours);
  const vite = median(times.vite);
  const r = ratio(ours, vite);
  return {
    rows: [
      row({
        measurement: `scaffold sidecar, first run on a machine as npx runs it: empty npm cache, offline (median of ${runs})`,
        value: fmt.ms(ours),
        baseline: `${fmt.ms(vite)} (create-vite ${createVite.version})`,
        ratio: fmt.ratio(r),
        goal: `≤ ${MAX_NPX_FIRST_RUN_RATIO}x`,
        pass: r <= MAX_NPX_FIRST_RUN_RATIO,
      }),
    ],
    notes: [
      `npx first run: create-pod-pattern ${fmt.ms(ours)}, create-vite ${fmt.ms(vite)}; CPU of npm and what it ran, median: ` +
        `${fmt.ms(median(cpu.ours))} vs ${fmt.ms(median(cpu.vite))} (${fmt.ratio(ratio(median(cpu.ours), median(cpu.vite)))}); in ${where}`,
    ],
  };
}
