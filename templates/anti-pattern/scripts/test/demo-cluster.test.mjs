// The demo's stand-in cluster on the shop's two designs, with the stand-in containers: a crashed
// container stays down until the lesson lets it restart, an emptyDir dies with its pod, a claim
// outlives it, and stopping leaves no process and no folder behind.
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { antiPatternFiles, fakeShopProject, fixFiles, importLib, manifestsOf, processesOf } from './shop.mjs';

const root = await fakeShopProject();
const { RESTART_PAUSE_MS, runningPids, startCluster } = await importLib(root, 'demo-cluster.mjs');
const { request } = await importLib(root, 'demo-http.mjs');
const { text } = await importLib(root, 'demo-text.mjs');
const { text: scriptsText } = await importLib(root, 'text.mjs');
const { fill } = await importLib(root, 'text-fill.mjs');
const anti = manifestsOf(antiPatternFiles(), 'k8s-anti-pattern');
const fix = manifestsOf(fixFiles(), 'k8s');
// The cluster's own folders go here, so the test sees that none is left.
const scratch = mkdtempSync(join(tmpdir(), 'demo-cluster-test-'));
const env = { PATH: process.env.PATH, TMPDIR: scratch };
process.env.TMPDIR = scratch;
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

const post = async (url, count) => {
  for (let i = 0; i < count; i += 1) expect((await request('POST', `${url}/api/visits`)).status).toBe(200);
};
const visits = async (url) => (await request('GET', `${url}/api/visits`)).json;

describe('the stand-in cluster', () => {
  it('starts nothing when a container is not built, and names it as `npm run dev` does', async () => {
    const script = 'containers/db/dist/index.cjs';
    renameSync(join(root, script), join(root, `${script}.away`));
    try {
      await expect(startCluster(fix, { root, env, text })).rejects.toThrow(fill(scriptsText.dev.missingBuild, { name: 'db', script }));
      expect(runningPids()).toEqual([]);
    } finally {
      renameSync(join(root, `${script}.away`), join(root, script));
    }
  });

  it('keeps a crashed container down, its pod out of the Service, until the lesson releases it; then restarts it', async () => {
    const cluster = await startCluster(anti, { root, env, text });
    try {
      const front = cluster.serviceUrl('shop-all-in-one');
      await post(front, 2);
      const [pod] = cluster.podsOf('shop-all-in-one');
      const crash = await cluster.crash(pod, 'db');
      // Longer than the pause: held, it must still be down.
      await sleep(RESTART_PAUSE_MS + 1000);
      const whileDown = [];
      for (let i = 0; i < 5; i += 1) whileDown.push(await request('GET', `${front}/`));
      expect(whileDown.filter((answer) => answer.status === undefined)).toHaveLength(5);
      expect(processesOf(root)).not.toContain(crash.pid);
      crash.release();
      const pid = await crash.recovered();
      expect(pid).not.toBe(crash.pid);
      // A restarted container keeps its pod's emptyDir: the count is still there.
      expect(await visits(front)).toMatchObject({ visits: 2 });
    } finally {
      await cluster.stop();
    }
  });

  it("rolls a Deployment out new pod first: the anti-pattern's emptyDir goes with the old pod, and its count with it", async () => {
    const cluster = await startCluster(anti, { root, env, text });
    try {
      const front = cluster.serviceUrl('shop-all-in-one');
      await post(front, 3);
      const before = await visits(front);
      const folders = readdirSync(scratch).flatMap((dir) => readdirSync(join(scratch, dir)).map((name) => join(scratch, dir, name)));
      expect(await cluster.rollout('shop-all-in-one')).toEqual([{ old: 'shop-all-in-one-1', new: 'shop-all-in-one-2' }]);
      const after = await visits(front);
      expect([before.visits, after.visits]).toEqual([3, 0]);
      expect(after.db).not.toBe(before.db);
      expect(folders.filter((folder) => folder.includes('shop-all-in-one-1-data')).map(existsSync)).toEqual([false]);
    } finally {
      await cluster.stop();
    }
  });

  it('replaces a StatefulSet pod under its own name, with its claim: the database restarts and keeps its count', async () => {
    const cluster = await startCluster(fix, { root, env, text });
    try {
      const front = cluster.serviceUrl('shop-web');
      await post(front, 4);
      const before = await visits(front);
      expect(await cluster.rollout('shop-db')).toEqual([{ old: 'shop-db-0', new: 'shop-db-0' }]);
      const after = await visits(front);
      expect(after.db).not.toBe(before.db);
      expect([before.visits, after.visits]).toEqual([4, 4]);
    } finally {
      await cluster.stop();
    }
  });

  it('stops every process it started and removes its folders', async () => {
    const cluster = await startCluster(fix, { root, env, text, replicas: { 'shop-app': 2, 'shop-web': 2 } });
    const pids = runningPids();
    expect(pids).toHaveLength(5);
    expect(processesOf(root).sort()).toEqual([...pids].sort());
    await cluster.stop();
    expect(processesOf(root)).toEqual([]);
    expect(runningPids()).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
