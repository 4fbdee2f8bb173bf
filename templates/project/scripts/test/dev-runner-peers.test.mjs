// scripts/dev.mjs on a k8s/ with no deployment.yaml (the anti-pattern project's fix): a
// StatefulSet with a claim, then two Deployments. Each starts in the kustomization's order and
// stops in reverse, the web first; the claim's folder outlives the run and is found again.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { shopFix, text, textPattern, writeText } from './fixtures.mjs';

const scripts = fileURLToPath(new URL('..', import.meta.url));
const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('yaml/package.json')));

/** A container that appends a line to $DATA_DIR/runs (when it has one), says `up`, and takes 300 ms to drain on SIGTERM. */
const CONTAINER = `
const { appendFileSync } = require('node:fs');
if (process.env.DATA_DIR) appendFileSync(process.env.DATA_DIR + '/runs', 'run\\n');
console.log('up');
setInterval(() => {}, 1000);
process.on('SIGTERM', () => setTimeout(() => process.exit(0), 300));
`;

const root = mkdtempSync(join(tmpdir(), 'dev-peers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Ports free on this machine now: fixed ones collide with another run of this test (a project's own `npm test`, CI). */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve) => {
          const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function project() {
  cpSync(scripts, join(root, 'scripts'), { recursive: true, filter: (path) => !path.includes(`${join('scripts', 'test')}`) });
  writeText(root);
  symlinkSync(nodeModules, join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'k8s'));
  const [db, dbService, app, appService, web, webService] = shopFix().objects;
  // Ports of their own, so the test runs beside anything on 7000/8000/8080 and beside itself.
  const [dbPort, appPort, webPort] = await freePorts(3);
  const ports = { db: dbPort, app: appPort, web: webPort };
  for (const workload of [db, app, web]) {
    const container = workload.spec.template.spec.containers[0];
    container.ports[0].containerPort = ports[container.name];
    container.env = container.env.map((v) => (v.name === 'PORT' ? { ...v, value: String(ports[container.name]) } : v));
  }
  dbService.spec.ports[0].port = ports.db;
  const files = { 'db.yaml': [db, dbService], 'app.yaml': [app, appService], 'web.yaml': [web, webService] };
  for (const [file, objects] of Object.entries(files))
    writeFileSync(join(root, 'k8s', file), objects.map((o) => stringify(o)).join('---\n'));
  writeFileSync(join(root, 'k8s/kustomization.yaml'), stringify({ resources: Object.keys(files) }));
  for (const name of ['db', 'app', 'web']) {
    mkdirSync(join(root, 'containers', name, 'dist'), { recursive: true });
    mkdirSync(join(root, 'containers', name, 'src'), { recursive: true });
    writeFileSync(join(root, 'containers', name, 'dist/index.cjs'), CONTAINER);
  }
}

async function runDevUntilStarted() {
  const child = spawn(process.execPath, ['scripts/dev.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const ended = new Promise((resolve) => child.on('close', resolve));
  const up = () => ['db', 'app', 'web'].every((name) => new RegExp(`^${name} +\\| up$`, 'm').test(out));
  for (let waited = 0; !up(); waited += 100) {
    if (waited > 60_000) throw new Error(`dev did not start every container\n${out}`);
    await sleep(100);
  }
  child.kill('SIGTERM');
  return { code: await ended, out };
}

describe.skipIf(process.platform !== 'linux')('npm run dev without k8s/deployment.yaml', () => {
  it('starts db, app, web in order, stops web, app, db, and keeps the claim folder for the next run', async () => {
    await project();
    const first = await runDevUntilStarted();
    expect(first.code, first.out).toBe(0);
    const said = { started: textPattern(text.dev.started), stopped: textPattern(text.dev.stopped) };
    const events = (out) =>
      [...out.matchAll(new RegExp(`^(\\w+) +\\| -- (?:(?<started>${said.started})|${said.stopped})$`, 'gm'))].map(
        (m) => `${m.groups.started === undefined ? 'stopped' : 'started'} ${m[1]}`,
      );
    expect(events(first.out)).toEqual(['started db', 'started app', 'started web', 'stopped web', 'stopped app', 'stopped db']);
    expect(first.out).not.toMatch(/Error/);
    const claimLine = new RegExp(textPattern(text.dev.claim, { claim: 'data-shop-db-0', dir: '(\\S+?)' }));
    const claim = claimLine.exec(first.out)?.[1];
    expect(claim, first.out).toBeTruthy();
    expect(readFileSync(join(claim, 'runs'), 'utf8')).toBe('run\n');

    const second = await runDevUntilStarted();
    expect(second.code, second.out).toBe(0);
    expect(claimLine.exec(second.out)?.[1]).toBe(claim);
    expect(readFileSync(join(claim, 'runs'), 'utf8')).toBe('run\nrun\n');
    // The project's folder of claims, as a user would delete it to start empty.
    rmSync(dirname(claim), { recursive: true, force: true });
    expect(existsSync(claim)).toBe(false);
  }, 120_000);
});
