import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, workspace } from './support/cli.js';
import { snapshot } from './support/tree.js';

interface Case {
  args: string[];
  /** What the message must say: the value and the rule. */
  says: RegExp;
  /** Folder name to generate into (default "demo"). */
  dir?: string;
  setup?: (ws: string) => void;
}

const P = ['--pattern', 'sidecar'];

const CASES: Record<string, Case> = {
  'an unknown pattern': {
    args: ['--pattern', 'mesh'],
    says: /pattern "mesh" is not one of: singleton \| sidecar \| ambassador \| adapter \| sidecar,ambassador,adapter/,
  },
  'an empty pattern': { args: ['--pattern', ''], says: /pattern "" is not one of/ },
  'an upper-case name': { args: [...P, '--name', 'MyApp'], says: /name "MyApp" is not a DNS-1123 label.*"myapp"/ },
  'a name with an underscore': { args: [...P, '--name', 'my_app'], says: /name "my_app" is not a DNS-1123 label/ },
  'a name ending in a dash': { args: [...P, '--name', 'app-'], says: /name "app-" is not a DNS-1123 label/ },
  'a name starting with a digit (Service names are DNS-1035)': {
    args: [...P, '--name', '1app'],
    says: /name "1app" must start with a letter.*DNS-1035/,
  },
  'a name too long once suffixes are added': {
    args: [...P, '--name', 'a'.repeat(47)],
    says: /name "a{47}" is 47 characters; object names such as "<name>-upstream-primary" must fit in 63, so use at most 46/,
  },
  'a name carrying YAML': { args: [...P, '--name', 'x\nkind: Secret'], says: /name "x\\nkind: Secret" is not a DNS-1123 label/ },
  'a name carrying shell code': { args: [...P, '--name', "x';rm -rf ~;'"], says: /name "x';rm -rf ~;'" is not a DNS-1123 label/ },
  'a directory whose base name is not a valid name': {
    args: [...P],
    dir: 'My App',
    says: /name "My App" is not a DNS-1123 label.*pass --name/,
  },
  'a namespace with an underscore': { args: [...P, '--namespace', 'team_a'], says: /namespace "team_a" is not a DNS-1123 label/ },
  'a reserved namespace': { args: [...P, '--namespace', 'kube-system'], says: /namespace "kube-system" is reserved/ },
  'a namespace over 63 characters': { args: [...P, '--namespace', 'n'.repeat(64)], says: /namespace "n{64}" is longer than 63 characters/ },
  'port 0': { args: [...P, '--port', '0'], says: /port "0" is not a port number: use a whole number from 1024 to 65535/ },
  'a port above 65535': { args: [...P, '--port', '70000'], says: /port "70000" is not a port number/ },
  'a port that is not a number': { args: [...P, '--port', 'http'], says: /port "http" is not a port number/ },
  'a fractional port': { args: [...P, '--port', '8080.5'], says: /port "8080.5" is not a port number/ },
  'a privileged port': { args: [...P, '--port', '80'], says: /port 80 is privileged: the containers run as a non-root user/ },
  "the adapter's port": {
    args: ['--pattern', 'adapter', '--port', '9102'],
    says: /port 9102 is already used by the adapter container of this pod/,
  },
  "the ambassador's port": {
    args: ['--pattern', 'ambassador', '--port', '9000'],
    says: /port 9000 is already used by the ambassador container/,
  },
  "the ambassador's health port": {
    args: ['--pattern', 'ambassador', '--port', '9001'],
    says: /port 9001 is already used by the ambassador container/,
  },
  "a demo upstream's port": {
    args: ['--pattern', 'ambassador', '--port', '9081'],
    says: /port 9081 is where the demo upstream-primary listens under `npm run dev`.*it is not a container of this pod/,
  },
  "the other demo upstream's port": {
    args: ['--pattern', 'ambassador', '--port', '9082'],
    says: /port 9082 is where the demo upstream-[a-z]+ listens under `npm run dev`/,
  },
  'zero replicas': { args: [...P, '--replicas', '0'], says: /replicas "0" is not a whole number from 1 to 100/ },
  'negative replicas': { args: [...P, '--replicas=-1'], says: /replicas "-1" is not a whole number from 1 to 100/ },
  'replicas in exponent notation': { args: [...P, '--replicas', '1e3'], says: /replicas "1e3" is not a whole number/ },
  'an unknown sidecar mode': { args: [...P, '--sidecar-mode', 'hybrid'], says: /sidecar mode "hybrid" is not one of: native, classic/ },
  'an unknown target': {
    args: [...P, '--target', 'openshift'],
    says: /target "openshift" is not one of: kind, minikube, k3d, docker-desktop, podman/,
  },
  'native sidecars on podman': {
    args: [...P, '--target', 'podman', '--sidecar-mode', 'native'],
    says: /native cannot run on the podman target.*--sidecar-mode classic/,
  },
  'an upper-case image prefix': {
    args: [...P, '--image-prefix', 'Local/'],
    says: /image prefix "Local\/" does not make a valid image name/,
  },
  'an image prefix with a space': {
    args: [...P, '--image-prefix', 'my repo/'],
    says: /image prefix "my repo\/" does not make a valid image name/,
  },
  'an image prefix with a tag in it': {
    args: [...P, '--image-prefix', 'local/base:1-'],
    says: /image prefix "local\/base:1-" does not make a valid image name/,
  },
  'an image prefix with a bad registry host': {
    args: [...P, '--image-prefix', 'my_registry.io/'],
    says: /image prefix "my_registry.io\/" does not make a valid image name/,
  },
  'an image prefix whose registry port is above 65535': {
    args: [...P, '--image-prefix', 'localhost:99999/'],
    says: /image prefix "localhost:99999\/" does not make a valid image name.*port from 1 to 65535/,
  },
  'an image prefix whose registry port is 0': {
    args: [...P, '--image-prefix', 'registry.example:0/team/'],
    says: /image prefix "registry.example:0\/team\/" does not make a valid image name/,
  },
  'an image prefix carrying YAML': {
    args: [...P, '--image-prefix', 'x"\nimage: evil'],
    says: /image prefix "x\\"\\nimage: evil" does not make a valid image name/,
  },
  'an unknown option': { args: [...P, '--colour', 'red'], says: /unknown option --colour; run with --help/ },
  'an option without its value': { args: ['--pattern'], says: /option --pattern needs a value|argument missing/ },
  'two directories': { args: [...P, 'other'], says: /expected one directory, got 2/ },
  'a non-empty directory without --force': {
    args: [...P],
    setup: (ws) => (mkdirSync(join(ws, 'demo')), writeFileSync(join(ws, 'demo/notes.txt'), 'mine')),
    says: /directory .*demo is not empty; choose another directory, or pass --force/,
  },
  'a directory path that is a file': {
    args: [...P],
    setup: (ws) => writeFileSync(join(ws, 'demo'), 'x'),
    says: /demo exists and is not a directory/,
  },
  '--force where a file stands in for a folder the project needs': {
    args: [...P, '--force'],
    setup: (ws) => (mkdirSync(join(ws, 'demo')), writeFileSync(join(ws, 'demo/k8s'), 'x')),
    says: /k8s is a file, but the project needs a folder there/,
  },
};

describe('bad input is refused with exit 2, a message naming the value and the rule, and nothing written', () => {
  it.each(Object.entries(CASES))('%s', async (_title, c) => {
    const ws = workspace();
    c.setup?.(ws);
    const before = listFiles(ws);
    const result = await runCli([join(ws, c.dir ?? 'demo'), ...c.args, '--yes'], { cwd: ws });
    expect(result.stderr).toMatch(c.says);
    expect(result.stderr.startsWith('create-pod-pattern: ')).toBe(true);
    expect(result.exitCode).toBe(2);
    expect(listFiles(ws)).toEqual(before);
  });

  it('covers at least 25 distinct bad inputs', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(25);
  });
});

interface PathCase {
  /** The command line, given the workspace folder. */
  argv: (ws: string) => string[];
  says: RegExp;
  setup?: (ws: string) => void;
}

const longName = 'n'.repeat(100_000);
const PATH_CASES: Record<string, PathCase> = {
  'an empty string as the directory': { argv: () => ['', ...P], says: /the directory is an empty string; pass a folder name/ },
  'a file on the path (ENOTDIR)': {
    setup: (ws) => writeFileSync(`${ws}/file`, 'x'),
    argv: (ws) => [`${ws}/file/sub/demo`, ...P],
    says: /\/file is a file, so .*\/file\/sub\/demo cannot be created in it/,
  },
  'a file on the path, with --dry-run': {
    setup: (ws) => writeFileSync(`${ws}/file`, 'x'),
    argv: (ws) => [`${ws}/file/demo`, ...P, '--dry-run'],
    says: /\/file is a file, so .*\/file\/demo cannot be created in it/,
  },
  'a symbolic link to a folder as the target': {
    setup: (ws) => (mkdirSync(`${ws}/real`), writeFileSync(`${ws}/real/mine.txt`, 'mine'), symlinkSync(`${ws}/real`, `${ws}/demo`)),
    argv: (ws) => [`${ws}/demo`, ...P],
    says: /demo is a symbolic link; the project is written only into a real folder: pass the folder it points to/,
  },
  'a symbolic link to a folder as the target, with --force': {
    setup: (ws) => (mkdirSync(`${ws}/real`), writeFileSync(`${ws}/real/README.md`, 'mine'), symlinkSync(`${ws}/real`, `${ws}/demo`)),
    argv: (ws) => [`${ws}/demo`, ...P, '--force'],
    says: /demo is a symbolic link; the project is written only into a real folder/,
  },
  'a dangling symbolic link as the target': {
    setup: (ws) => symlinkSync(`${ws}/nowhere`, `${ws}/demo`),
    argv: (ws) => [`${ws}/demo`, ...P],
    says: /demo is a symbolic link to nothing/,
  },
  'a dangling symbolic link on the path': {
    setup: (ws) => symlinkSync(`${ws}/nowhere`, `${ws}/parent`),
    argv: (ws) => [`${ws}/parent/demo`, ...P],
    says: /parent is a symbolic link to nothing, so .*parent\/demo cannot be created/,
  },
  'a 100,000-character directory name': {
    argv: (ws) => [`${ws}/${longName}`, ...P, '--name', 'demo'],
    says: /the folder name "n{40}…n{10}" is 100000 bytes long; a file system allows 255 per name/,
  },
  'a 100,000-character directory name, with --dry-run': {
    argv: (ws) => [`${ws}/${longName}`, ...P, '--name', 'demo', '--dry-run'],
    says: /is 100000 bytes long; a file system allows 255 per name/,
  },
  'a path longer than the system allows': {
    argv: (ws) => [`${ws}/${Array.from({ length: 20 }, () => 'p'.repeat(250)).join('/')}`, ...P, '--name', 'demo'],
    says: /the path ".*" is \d+ bytes long; the system allows 4095/,
  },
};

describe('a directory that cannot be used is refused with exit 2, a message, and nothing written (nor touched)', () => {
  it.each(Object.entries(PATH_CASES))('%s', async (_title, c) => {
    const ws = workspace();
    c.setup?.(ws);
    const before = snapshot(ws);
    const result = await runCli([...c.argv(ws), '--yes'], { cwd: ws });
    expect(result.stderr).toMatch(c.says);
    expect(result.stderr.startsWith('create-pod-pattern: ')).toBe(true);
    expect(result.stderr.length).toBeLessThan(1000);
    expect(result.exitCode).toBe(2);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('every port refusal carries the pod lesson, in the language asked', () => {
  const PORTS: [string, string][] = [
    ['singleton', 'http'],
    ['singleton', '80'],
    ['adapter', '9102'],
    ['ambassador', '9000'],
    ['ambassador', '9081'],
    ['ambassador', '9082'],
  ];
  it.each(PORTS)('%s --port %s', async (pattern, port) => {
    const ws = workspace();
    const en = await runCli([join(ws, 'demo'), '--pattern', pattern, '--port', port, '--yes']);
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain('The containers of one pod share one network, so no two of them may bind the same port.');
    const ko = await runCli([join(ws, 'demo'), '--pattern', pattern, '--port', port, '--yes', '--lang', 'ko']);
    expect(ko.exitCode).toBe(2);
    expect(ko.stderr).toContain('한 파드의 컨테이너는 네트워크 하나를 함께 쓰므로, 두 컨테이너가 같은 포트를 바인드할 수 없다.');
    expect(listFiles(ws)).toEqual([]);
  });
});
