import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { type RunningProcess, startBundled } from '../../../test-support/bundled-process';
import { request } from '../../../test-support/http-request';

const ENTRY = new URL('../src/index.ts', import.meta.url);

/** A fresh folder, removed when the current test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'db-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunningDb extends RunningProcess {
  port: number;
}

/** The built db on a free port with the manifest's variables; killed when the test ends. `wrapper`: see startBundled. */
export async function startDb(dataDir: string, env: Record<string, string> = {}, wrapper: string[] = []): Promise<RunningDb> {
  const proc = await startBundled(
    ENTRY,
    { PORT: '0', SERVICE_NAME: 'shop-db', SHUTDOWN_DRAIN_MS: '5000', DATA_DIR: dataDir, ...env },
    wrapper,
  );
  onTestFinished(() => {
    proc.child.kill('SIGKILL');
  });
  const { port } = (await proc.waitFor('listening')) as { port: number };
  return Object.assign(proc, { port });
}

export { request };

/** What a crowd of writers saw: the values acknowledged (200), and the requests that got no 200. */
export interface WriteTally {
  acknowledged: number[];
  /** Sent, but answered with an error or cut off: each may or may not have been applied. */
  unacknowledged: number;
}

/**
 * `writers` clients POST /counters/<name> in a loop, each waiting for its answer before the
 * next, until `stopWhen` says so or the database stops answering. Resolves with the tally.
 */
export async function writeUntil(
  port: number,
  name: string,
  writers: number,
  keepGoing: (tally: WriteTally) => boolean,
): Promise<WriteTally> {
  const tally: WriteTally = { acknowledged: [], unacknowledged: 0 };
  let failed = false;
  const writer = async () => {
    while (!failed && keepGoing(tally)) {
      try {
        const answer = await request(port, 'POST', `/counters/${name}`);
        if (answer.status === 200) tally.acknowledged.push(answer.json.value);
        else {
          tally.unacknowledged += 1;
          failed = true;
        }
      } catch (err) {
        // Refused: never sent. Reset or hung up: sent, and maybe applied.
        if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') tally.unacknowledged += 1;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  return tally;
}
