import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../src/cli/report-error.js';
import { cli as english } from '../src/i18n/en/cli.js';
import { cli as korean } from '../src/i18n/ko/cli.js';
import { openStaging, stagingFoldersIn } from '../src/write/staging.js';
import { swapIn, type SwapStep } from '../src/write/swap.js';
import { isRestoreFailure, type RestoreFailure } from '../src/write/write-error.js';

// rmSync is what undoing an added entry calls; as root no permission stops it, so it is made to fail here.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, rmSync: vi.fn(real.rmSync) };
});
const realRm = (await vi.importActual<typeof import('node:fs')>('node:fs')).rmSync;

const dirs: string[] = [];
afterEach(() => {
  vi.mocked(fs.rmSync).mockImplementation(realRm);
  for (const dir of dirs.splice(0)) realRm(dir, { recursive: true, force: true });
});

/** A target with `existing` files, and a staging folder holding `staged` files, as a run would have them. */
function setUp(existing: Record<string, string>, staged: Record<string, string>) {
  const target = mkdtempSync(join(tmpdir(), 'cpp-restore-'));
  dirs.push(target);
  for (const [path, text] of Object.entries(existing)) writeFileSync(join(target, path), text);
  const staging = openStaging(target);
  for (const [path, text] of Object.entries(staged)) writeFileSync(join(staging.newDir, path), text);
  return { target, staging };
}

/** Runs a swap whose last step fails (its staged file is missing) and whose undoing cannot remove what it added. */
async function failTwice(target: string, staging: ReturnType<typeof openStaging>, steps: SwapStep[]): Promise<RestoreFailure> {
  vi.mocked(fs.rmSync).mockImplementation((path, options) => {
    if (String(path).startsWith(join(target, 'added'))) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return realRm(path, options);
  });
  const error = await swapIn(staging, target, steps, () => {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRestoreFailure(error)) throw new Error(`expected a RestoreFailure, got ${String(error)}`);
  return error;
}

describe('a run that fails halfway and cannot put the folder back', () => {
  it('having only added files: does not claim anything was kept aside, and leaves its journal for the next run', async () => {
    const { target, staging } = setUp({ 'mine.txt': 'keep' }, { 'added.txt': 'new' });
    const error = await failTwice(target, staging, [
      { kind: 'add', path: 'added.txt' },
      { kind: 'add', path: 'missing.txt' },
    ]);
    expect(error.reason).toMatchObject({ target, error: 'EACCES: permission denied' });
    expect(error.reason.cause).toMatch(/ENOENT/);
    expect(error.reason.keptIn).toBeUndefined();
    expect(error.message).not.toContain('kept in');
    expect(error.message).not.toContain(staging.oldDir);
    expect(error.message).toMatch(/next run into .* finishes putting it back/);
    // What is left is exactly what the message says: the added file, and the journal to undo it.
    expect(readFileSync(join(target, 'added.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(target, 'mine.txt'), 'utf8')).toBe('keep');
    expect(stagingFoldersIn(target).map((s) => s.path)).toEqual([staging.path]);
    expect(readFileSync(staging.journal, 'utf8')).toContain('"added.txt"');
  });

  it('having replaced a file: says where the replaced one is kept, and it is there', async () => {
    const { target, staging } = setUp({ 'config.yaml': 'the user edit' }, { 'config.yaml': 'generated', 'added.txt': 'new' });
    const error = await failTwice(target, staging, [
      { kind: 'replace', path: 'config.yaml' },
      { kind: 'add', path: 'added.txt' },
      { kind: 'add', path: 'missing.txt' },
    ]);
    expect(error.reason.keptIn).toBe(staging.oldDir);
    expect(error.message).toContain(`What the project replaced is kept in ${staging.oldDir}`);
    // Undoing stopped at the added file (last done, first undone): the replaced file is still aside.
    expect(readFileSync(join(staging.oldDir, 'config.yaml'), 'utf8')).toBe('the user edit');
  });

  it('is reported in the reader language with exit status 1, never as "nothing was written"', async () => {
    const { target, staging } = setUp({}, { 'added.txt': 'new' });
    const error = await failTwice(target, staging, [
      { kind: 'add', path: 'added.txt' },
      { kind: 'add', path: 'missing.txt' },
    ]);
    for (const [t, nothing, said] of [
      [english, english.outcome.nothingWritten, /Putting|putting/],
      [korean, korean.outcome.nothingWritten, /되돌리지 못했다/],
    ] as const) {
      const err: string[] = [];
      expect(reportError(error, t, (text) => void err.push(text))).toBe(1);
      expect(err.join('')).toMatch(said);
      expect(err.join('')).toContain(target);
      expect(err.join('')).not.toContain(nothing);
    }
  });
});
