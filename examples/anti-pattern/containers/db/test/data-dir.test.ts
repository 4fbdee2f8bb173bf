import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../src/store';
import { request, startDb, tempDir } from './helpers';

/**
 * Runs a command as a container would: in its own PID namespace (where it is pid 1 and sees no
 * process of the host) with its own hostname (a pod's name). util-linux's unshare, Linux only;
 * user namespaces let it run without privileges.
 */
const IN_A_CONTAINER = ['unshare', '--user', '--map-root-user', '--pid', '--uts', '--fork', '--kill-child'];
const inContainer = (host: string) => [...IN_A_CONTAINER, 'sh', '-c', `hostname ${host} && exec "$@"`, 'sh'];
const canUnshare = spawnSync(inContainer('probe')[0], [...inContainer('probe').slice(1), 'true']).status === 0;

describe('the db and its DATA_DIR', () => {
  it('exits 1 naming DATA_DIR when it is a file, not a folder', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const db = await startDb(file);
    expect(await db.exited).toBe(1);
    expect(db.lines.at(-1)).toMatchObject({ level: 'error', event: 'failed' });
    expect(db.lines.at(-1)?.error).toMatch(new RegExp(`^DATA_DIR ${file} cannot be used: .*(ENOTDIR|EEXIST)`));
  });

  it('exits 1 naming DATA_DIR when the journal cannot be created there', async () => {
    // Even root cannot create files in /proc: an unwritable folder whoever runs the test.
    const db = await startDb('/proc/self');
    expect(await db.exited).toBe(1);
    expect(db.lines.at(-1)?.error).toMatch(/^DATA_DIR \/proc\/self(:| cannot be used:) /);
  });

  it('refuses a second database on the same DATA_DIR, and takes over the lock of a killed one', async () => {
    const dir = tempDir();
    const first = await startDb(dir);
    await first.waitFor('ready');
    const second = await startDb(dir);
    expect(await second.exited).toBe(1);
    expect(second.lines.at(-1)?.error).toBe(
      `DATA_DIR ${dir} cannot be used: it is in use by another database process (pid ${first.child.pid}, recorded in ${dir}/db.pid)`,
    );
    expect((await request(first.port, 'POST', '/counters/visits')).json.value).toBe(1);

    first.child.kill('SIGKILL'); // leaves db.pid behind
    await first.exited;
    expect(existsSync(join(dir, 'db.pid'))).toBe(true);
    const third = await startDb(dir);
    await third.waitFor('ready');
    expect((await request(third.port, 'POST', '/counters/visits')).json.value).toBe(2);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(existsSync(join(dir, 'db.pid'))).toBe(false);
  });

  it.skipIf(!canUnshare)("refuses a second database in another container, where the first one's pid means nothing", async () => {
    const dir = tempDir();
    const first = await startDb(dir, {}, inContainer('shop-db-0'));
    await first.waitFor('ready');
    // Its own PID namespace: the first database is invisible there, and is pid 1 like this one.
    const second = await startDb(dir, {}, inContainer('shop-db-1'));
    const outcome = await Promise.race([second.exited, second.waitFor('ready').then(() => 'ready')]);
    if (outcome === 'ready') {
      // Both running: each hands out the same next value, and one of two acknowledged increments is lost.
      const one = (await request(first.port, 'POST', '/counters/visits')).json.value;
      const other = (await request(second.port, 'POST', '/counters/visits')).json.value;
      expect.fail(`a second database started on ${dir}: both acknowledged increments got value ${one} and ${other}`);
    }
    expect(outcome).toBe(1);
    expect(second.lines.at(-1)?.error).toBe(
      `DATA_DIR ${dir} cannot be used: it is in use by a database on host shop-db-0 (pid 1 there, recorded in ${dir}/db.pid); ` +
        'if that database is gone for good, remove the file',
    );

    // The first one's container restarted (a SIGKILL leaves db.pid behind): same host name, same pid 1, its lock to take over.
    first.child.kill('SIGKILL');
    await first.exited;
    const again = await startDb(dir, {}, inContainer('shop-db-0'));
    await again.waitFor('ready');
    expect((await request(again.port, 'POST', '/counters/visits')).json.value).toBe(1);
  });

  it('refuses to start on a damaged journal, says where, exits 1, and leaves the file alone', async () => {
    const dir = tempDir();
    const journal = [encodeRecord('visits', 1), encodeRecord('visits', 2).replace('2}', '3}'), encodeRecord('visits', 3)].join('');
    writeFileSync(join(dir, 'journal.log'), journal);
    const db = await startDb(dir);
    expect(await db.exited).toBe(1);
    expect(db.lines.at(-1)?.error).toContain(`is damaged at byte ${Buffer.byteLength(encodeRecord('visits', 1))} (line 2)`);
    expect(readFileSync(join(dir, 'journal.log'), 'utf8')).toBe(journal);
  });
});
