/**
 * Every refusal of `add`: exit 2, a message that says what and where, and nothing written
 * (the file's bytes and the folder's entries as they were).
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../support/cli.js';
import { add, FIXTURES } from './support.js';

const deployment = (containers: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
${extra}      containers:
${containers}`;

const web = (port = 8080, more = '') => `      - name: web
        image: example/web:1
        ports:
        - containerPort: ${port}
${more}`;

const CASES: { name: string; file: string; args: string[]; message: RegExp }[] = [
  {
    name: 'no Deployment',
    file: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n',
    args: ['sidecar'],
    message: /holds no Deployment/,
  },
  {
    name: 'several Deployments, none named',
    file: readFileSync(join(FIXTURES, 'jobs.before.yaml'), 'utf8'),
    args: ['adapter'],
    message: /several Deployments \(web, worker\); say which with --deployment/,
  },
  {
    name: '--deployment naming none',
    file: readFileSync(join(FIXTURES, 'jobs.before.yaml'), 'utf8'),
    args: ['adapter', '--deployment', 'nope'],
    message: /no Deployment named "nope" in the file \(Deployments: web, worker\)/,
  },
  {
    name: 'the helper present under another name (by its image)',
    file: deployment(`${web()}      - name: shipper\n        image: local/shop-log-shipper:dev\n`),
    args: ['sidecar'],
    message: /already holds the sidecar helper: container shipper \(image local\/shop-log-shipper:dev\)/,
  },
  {
    name: 'a container name taken by another image',
    file: deployment(`${web()}      - name: adapter\n        image: example/legacy-exporter:3\n`),
    args: ['adapter'],
    message: /container name adapter is taken by another container of the pod \(image example\/legacy-exporter:3\)/,
  },
  {
    name: "the ambassador's port taken by the app",
    file: deployment(web(9000)),
    args: ['ambassador'],
    message: /port 9000, which ambassador listens on, is taken by container web: the containers of one pod share one network/,
  },
  {
    name: "the adapter's port taken by the app",
    file: deployment(web(9102)),
    args: ['adapter'],
    message: /port 9102, which adapter listens on, is taken by container web/,
  },
  {
    name: 'a volume name taken',
    file: deployment(web(), '      volumes:\n      - name: app-logs\n        emptyDir: {}\n'),
    args: ['sidecar'],
    message: /volume name app-logs, which log-shipper needs, is taken in the pod/,
  },
  {
    name: "the app's mount path taken",
    file: deployment(
      web(8080, '        volumeMounts:\n        - name: scratch\n          mountPath: /var/log/app\n'),
      '      volumes:\n      - name: scratch\n        emptyDir: {}\n',
    ),
    args: ['sidecar'],
    message: /container web already mounts volume scratch at \/var\/log\/app/,
  },
  {
    name: "the app's env var set otherwise",
    file: deployment(web(8080, '        env:\n        - name: UPSTREAM_URL\n          value: https://api.example\n')),
    args: ['ambassador'],
    message: /container web already sets UPSTREAM_URL=https:\/\/api.example; the helper needs UPSTREAM_URL=http:\/\/127.0.0.1:9000/,
  },
  {
    name: 'a scrape annotation set otherwise',
    file: deployment(web()).replace(
      'labels: {app: shop}\n    spec:',
      'labels: {app: shop}\n      annotations:\n        prometheus.io/port: "8080"\n    spec:',
    ),
    args: ['adapter'],
    message: /already has the annotation prometheus.io\/port: 8080/,
  },
  {
    name: 'an alias to no anchor',
    file: `env: &env [a]\n---\n${deployment(web(8080, '        env: *env\n'))}`,
    args: ['sidecar'],
    message: /does not parse as YAML at line 19, column 14: unresolved alias \*env/,
  },
  {
    name: 'a file that does not parse',
    file: 'kind: Deployment\nmetadata:\n  name: [shop\n',
    args: ['sidecar'],
    message: /does not parse as YAML at line \d+, column \d+/,
  },
  {
    name: 'a list written as an alias of an anchor',
    file: deployment(
      web(8080, '        env: *env\n'),
      '      initContainers:\n      - name: migrate\n        image: example/migrate:1\n        env: &env\n        - name: DB\n          value: shop\n',
    ),
    args: ['sidecar'],
    message: /cannot add to spec.template.spec.containers.0.env without rewriting what you wrote \(it is an alias/,
  },
  {
    name: 'a container written in flow style',
    file: deployment('      - {name: web, image: example/web:1, ports: [{containerPort: 8080}]}\n'),
    args: ['ambassador'],
    message: /cannot add to spec.template.spec.containers.0 without rewriting what you wrote \(it is written in flow style/,
  },
  {
    name: 'an unknown helper',
    file: deployment(web()),
    args: ['logger'],
    message: /"logger" is not a set of helpers; the helpers are sidecar, ambassador, adapter/,
  },
  {
    name: 'a helper named twice',
    file: deployment(web()),
    args: ['sidecar,sidecar'],
    message: /"sidecar,sidecar" is not a set of helpers/,
  },
  { name: 'no helper', file: deployment(web()), args: [], message: /name the helpers to add/ },
  {
    name: 'a bad --sidecar-mode',
    file: deployment(web()),
    args: ['sidecar', '--sidecar-mode', 'inline'],
    message: /--sidecar-mode must be native or classic, not "inline"/,
  },
  { name: 'an unknown option', file: deployment(web()), args: ['sidecar', '--force'], message: /unknown option --force/ },
];

describe('add refuses, writes nothing, and exits 2', () => {
  it.each(CASES)('$name', async ({ file, args, message }) => {
    const dir = workspace();
    writeFileSync(join(dir, 'manifest.yaml'), file);
    const result = await add(dir, [...args, '--to', 'manifest.yaml']);
    expect(result.exitCode, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toBe(file);
    expect(readdirSync(dir)).toEqual(['manifest.yaml']);
  });

  it('says where the file is missing', async () => {
    const dir = workspace();
    const result = await add(dir, ['sidecar']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/k8s\/deployment.yaml does not exist or cannot be read; say which manifest with --to/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder named by --to (it read it: EISDIR, exit 1)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'k8s'));
    const result = await add(dir, ['sidecar', '--to', 'k8s']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/k8s is a folder; --to names the manifest file itself, e\.g\. --to k8s\/deployment\.yaml/);
    expect(readdirSync(dir)).toEqual(['k8s']);
  });

  it.each([
    ['in the working folder', (dir: string) => dir],
    ['outside it (it replaced the link with a file)', () => workspace()],
  ])('refuses a manifest that is a symbolic link, %s, and leaves link and file as they were', async (_where, folderOf) => {
    const dir = workspace();
    const target = join(workspace(), 'real.yaml');
    const file = deployment(web());
    writeFileSync(target, file);
    const link = join(folderOf(dir), 'manifest.yaml');
    symlinkSync(target, link);
    const result = await add(dir, ['sidecar', '--to', link]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/manifest\.yaml is a symbolic link, and add never writes through one/);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(file);
    expect(readdirSync(dir)).toEqual(folderOf(dir) === dir ? ['manifest.yaml'] : []);
  });

  it('refuses a file that is not UTF-8 rather than rewrite its bytes (a Latin-1 comment came back as U+FFFD, exit 0)', async () => {
    const dir = workspace();
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${deployment(web())}`)]);
    writeFileSync(join(dir, 'manifest.yaml'), bytes);
    const result = await add(dir, ['sidecar', '--to', 'manifest.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/manifest\.yaml is not UTF-8 text \(byte 5 is not\)/);
    expect(readFileSync(join(dir, 'manifest.yaml')).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['manifest.yaml']);
  });

  it('refuses in Korean with --lang ko (and from a Korean locale)', async () => {
    const dir = workspace();
    const file = deployment(web(9000));
    writeFileSync(join(dir, 'manifest.yaml'), file);
    const asked = await add(dir, ['ambassador', '--to', 'manifest.yaml', '--lang', 'ko']);
    const fromLocale = await add(dir, ['ambassador', '--to', 'manifest.yaml'], { LANG: 'ko_KR.UTF-8' });
    for (const result of [asked, fromLocale]) {
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('ambassador 컨테이너가 여는 9000 포트를 web 컨테이너가 이미 쓴다');
    }
    expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toBe(file);
  });
});
