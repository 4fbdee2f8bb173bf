import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import { afterEach } from 'vitest';
import { parseAllDocuments } from 'yaml';

export const CLI = resolve(import.meta.dirname, '../../dist/cli.cjs');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** An English locale whatever the machine's, so a test sees the language it asks for and no other. */
export const ENGLISH_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

/** Runs the real CLI as a process, without a TTY (as CI and pipes do); `env` is added to an English locale. */
export async function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const result = await execa(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    reject: false,
    env: { NO_COLOR: '1', ...ENGLISH_LOCALE, ...options.env },
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh, empty working folder removed after the test. */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpp-test-'));
  made.push(dir);
  return dir;
}

/** Every file below a folder, relative and sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full));
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  return out.sort();
}

export function readYaml(path: string): any[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS());
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}
