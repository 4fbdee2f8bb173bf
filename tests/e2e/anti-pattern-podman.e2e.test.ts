/**
 * Both designs of the anti-pattern project on podman, for real: `npm run deploy` plays the fix
 * (db StatefulSet with its claim, app and web, each a pod reaching the next by name) and
 * `npm run deploy -- k8s-anti-pattern` the wrong one (one pod, web + app + db on one localhost);
 * visits are counted through each web; `npm run undeploy` of each removes its pods, and the
 * StatefulSet's claim is kept as Kubernetes keeps it.
 *
 * Needs podman and the base image: `.ci/podman-setup.sh` (as root), then `. .ci/podman-env.sh`.
 * Without podman the suite is skipped, unless E2E_REQUIRE_PODMAN=1 makes that a failure. Every
 * podman name carries this run's id, and only what this run made is removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { eventually, okIn, podmanProjectEnv, requestInPod, requirePodman, runIn } from '../support/podman.js';

const version = requirePodman('anti-pattern podman e2e');
const { env, baseImage: BASE_IMAGE } = podmanProjectEnv(version);
const RUN = randomBytes(3).toString('hex');
const NAME = `e2e-shop-${RUN}`;
const podman = (...args: string[]) => runIn(env, 'podman', args);
const ok = (command: string, args: string[], options?: { cwd?: string; timeoutSeconds?: number }) => okIn(env, command, args, options);
const podExists = async (pod: string) => (await podman('pod', 'exists', pod)).exitCode === 0;
const volumeExists = async (volume: string) => (await podman('volume', 'exists', volume)).exitCode === 0;

const FIX_PODS = [`${NAME}-db`, `${NAME}-app`, `${NAME}-web`];
const WRONG_POD = `${NAME}-all-in-one`;
const CLAIM = `data-${NAME}-db-0`;
const IMAGES = ['web', 'app', 'db'].map((c) => `local/${NAME}-${c}:dev`);

/**
 * Waits until the web answers GET /api/visits with 200 and gives that answer: the pods start in
 * any order on podman, and its network now and then drops connections between pods for a few
 * seconds after another pod is played (the podman e2e saw the same).
 */
async function untilServing(webContainer: string): Promise<{ visits: number; db: string }> {
  return eventually(async () => {
    const answer = await requestInPod(env, webContainer, 'GET', 'http://127.0.0.1:8000/api/visits');
    expect(answer.status, answer.body).toBe(200);
    return JSON.parse(answer.body);
  }, 90);
}

/** `count` POSTs then a GET of /api/visits from inside a web container: the counts and database ids seen. */
async function visitsThrough(webContainer: string, count: number) {
  const counts: number[] = [];
  const databases = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const answer = await requestInPod(env, webContainer, 'POST', 'http://127.0.0.1:8000/api/visits');
    expect(answer.status, answer.body).toBe(200);
    const body = JSON.parse(answer.body);
    counts.push(body.visits);
    databases.add(body.db);
  }
  const read = JSON.parse((await requestInPod(env, webContainer, 'GET', 'http://127.0.0.1:8000/api/visits')).body);
  databases.add(read.db);
  return { counts, read: read.visits, databases: [...databases] };
}

describe.skipIf(!version)(`anti-pattern project on podman (${version ?? 'not installed'}): both designs`, () => {
  let work: string;
  let dir: string;

  beforeAll(async () => {
    const base = await podman('image', 'exists', BASE_IMAGE);
    if (base.exitCode !== 0) throw new Error(`base image ${BASE_IMAGE} missing: run .ci/podman-setup.sh (as root) first`);
    work = mkdtempSync(join(tmpdir(), `cpp-anti-podman-${RUN}-`));
    dir = join(work, NAME);
    await ok(process.execPath, [CLI, dir, '--pattern', 'anti-pattern', '--target', 'podman', '--name', NAME, '--yes'], {
      timeoutSeconds: 30,
    });
    await ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeoutSeconds: 240 });
    await ok('npm', ['run', 'images'], { cwd: dir, timeoutSeconds: 300 });
    for (const image of IMAGES) expect((await podman('image', 'exists', image)).exitCode, `image ${image}`).toBe(0);
  }, 600_000);

  afterAll(async () => {
    for (const pod of [...FIX_PODS, WRONG_POD]) if (await podExists(pod)) await podman('pod', 'rm', '-f', '-t', '0', pod);
    for (const volume of [CLAIM, `${WRONG_POD}-data`]) if (await volumeExists(volume)) await podman('volume', 'rm', '-f', volume);
    await podman('rmi', '-f', '--ignore', ...IMAGES);
    if (work) rmSync(work, { recursive: true, force: true });
  }, 180_000);

  it('npm run deploy plays the fix: three pods, visits counted through web -> app -> db by pod name, one database', async () => {
    const deploy = await ok('npm', ['run', 'deploy'], { cwd: dir, timeoutSeconds: 300 });
    expect(deploy.stdout).toContain('✓ deployed');
    for (const pod of FIX_PODS) expect(await podExists(pod), `pod ${pod}`).toBe(true);
    // The claim template became a PersistentVolumeClaim, which podman made a named volume.
    expect(await volumeExists(CLAIM), `volume ${CLAIM}`).toBe(true);
    await untilServing(`${NAME}-web-web`);
    const seen = await visitsThrough(`${NAME}-web-web`, 3);
    expect(seen).toEqual({ counts: [1, 2, 3], read: 3, databases: [expect.any(String)] });
    // The same database answers the app pod directly, by the headless Service's name (the db pod's name on podman).
    const direct = await requestInPod(env, `${NAME}-app-app`, 'GET', `http://${NAME}-db:7000/counters/visits`);
    expect(JSON.parse(direct.body)).toMatchObject({ name: 'visits', value: 3, instance: seen.databases[0] });
  }, 400_000);

  it('npm run deploy -- k8s-anti-pattern plays the wrong design: one pod, web + app + db on one localhost, a database of its own', async () => {
    const deploy = await ok('npm', ['run', 'deploy', '--', 'k8s-anti-pattern'], { cwd: dir, timeoutSeconds: 300 });
    expect(deploy.stdout).toContain('✓ deployed');
    expect(await podExists(WRONG_POD)).toBe(true);
    const containers = await ok('podman', ['ps', '--filter', `pod=${WRONG_POD}`, '--format', '{{.Names}}']);
    expect(
      containers.stdout
        .split('\n')
        .filter((line) => !line.endsWith('-infra'))
        .sort(),
    ).toEqual([`${WRONG_POD}-app`, `${WRONG_POD}-db`, `${WRONG_POD}-web`]);
    await untilServing(`${WRONG_POD}-web`);
    const seen = await visitsThrough(`${WRONG_POD}-web`, 2);
    expect(seen.counts).toEqual([1, 2]);
    // Its database is not the fix's: a second, separate count.
    const fixDb = await untilServing(`${NAME}-web-web`);
    expect(fixDb.visits).toBe(3);
    expect(seen.databases).toHaveLength(1);
    expect(seen.databases[0]).not.toBe(fixDb.db);
  }, 400_000);

  it('npm run undeploy of each folder removes its pods (web first for the fix) and keeps only the claim', async () => {
    const wrong = await ok('npm', ['run', 'undeploy', '--', 'k8s-anti-pattern'], { cwd: dir, timeoutSeconds: 180 });
    expect(wrong.stdout).toContain(`$ podman pod stop --ignore -t 30 ${WRONG_POD}`);
    expect(await podExists(WRONG_POD)).toBe(false);
    expect(await volumeExists(`${WRONG_POD}-data`), 'the emptyDir goes with its pod').toBe(false);
    for (const pod of FIX_PODS) expect(await podExists(pod), `${pod} is not the anti-pattern's to remove`).toBe(true);

    const fix = await ok('npm', ['run', 'undeploy'], { cwd: dir, timeoutSeconds: 180 });
    const stops = fix.stdout.split('\n').filter((line) => line.startsWith('$ podman pod stop'));
    expect(stops).toEqual([...FIX_PODS].reverse().map((pod) => `$ podman pod stop --ignore -t 30 ${pod}`));
    for (const pod of FIX_PODS) expect(await podExists(pod), `pod ${pod} after undeploy`).toBe(false);
    expect(fix.stdout).toContain(`# kept, as a StatefulSet's claims outlive it: ${CLAIM}`);
    expect(await volumeExists(CLAIM), 'the claim outlives the StatefulSet').toBe(true);

    // Deployed again, the database finds its data on the claim.
    await ok('npm', ['run', 'deploy'], { cwd: dir, timeoutSeconds: 300 });
    const again = await untilServing(`${NAME}-web-web`);
    expect(again.visits).toBe(3);
    await ok('npm', ['run', 'undeploy'], { cwd: dir, timeoutSeconds: 180 });
  }, 600_000);
});
