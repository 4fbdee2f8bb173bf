import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every entry below a folder, with what it is: `dir`, `link -> <target>`, or the file's
 * mode and a hash of its content. Two equal snapshots mean nothing was added, removed or changed.
 */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = full.slice(root.length + 1);
      const info = lstatSync(full);
      if (info.isSymbolicLink()) out[rel] = `link -> ${readlinkSync(full)}`;
      else if (info.isDirectory()) {
        out[rel] = 'dir';
        walk(full);
      } else out[rel] = `${(info.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 16)}`;
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  return out;
}

/** Paths whose entries differ between two snapshots (added, removed or changed). */
export function differences(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

/** Whether this machine lets the tests make a file immutable (chattr +i: root on ext4, xfs, btrfs). */
export const canMakeImmutable = probe(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cpp-probe-'));
  try {
    writeFileSync(join(dir, 'f'), '');
    execFileSync('chattr', ['+i', join(dir, 'f')], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', join(dir, 'f')], { stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Whether this machine lets the tests mount a tmpfs (root with CAP_SYS_ADMIN). */
export const canMount = probe(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cpp-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function probe(attempt: () => void): boolean {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
}

/** chattr +i / -i: not even root can rename, replace or remove an immutable entry (or, for a folder, its entries). */
export function setImmutable(path: string, on: boolean): void {
  execFileSync('chattr', [on ? '+i' : '-i', path]);
}

export function mountTmpfs(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
  return () => execFileSync('umount', [dir]);
}
