import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll } from 'vitest';
import type { CliResult } from './cli.js';

const repo = resolve(import.meta.dirname, '../..');

/**
 * A copy of the built CLI and its templates, taken once: a test that compares many runs'
 * output byte for byte must not see the templates change while it runs (the repo's working
 * tree may be edited meanwhile).
 */
export function privateCli(): { path: string; run: (args: string[], options?: { cwd?: string }) => Promise<CliResult> } {
  const root = mkdtempSync(join(tmpdir(), 'cpp-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(repo, 'dist'), join(root, 'dist'), { recursive: true });
  cpSync(join(repo, 'templates'), join(root, 'templates'), { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
  cpSync(join(repo, 'package.json'), join(root, 'package.json'));
  const path = join(root, 'dist/cli.cjs');
  return {
    path,
    async run(args, options = {}) {
      const result = await execa(process.execPath, [path, ...args], { cwd: options.cwd, input: '', reject: false, env: { NO_COLOR: '1' } });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
  };
}
