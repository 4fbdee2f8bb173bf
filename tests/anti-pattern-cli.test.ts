import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ENGLISH_LOCALE, listFiles, readYaml, runCli, workspace } from './support/cli.js';

/**
 * `--pattern anti-pattern` on the command line, in the prompts, in --help and in `add` (issue 14):
 * every way in says what it is, what not to do, and refuses what cannot be.
 */
const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';
const CTRL_C = '\x03';

/** Runs the CLI on a pseudo-terminal (util-linux `script`) and answers each prompt when it shows. */
function converse(args: string[], cwd: string, steps: [RegExp, string][]): Promise<{ code: number | null; screen: string }> {
  const command = `stty cols 400; ${[process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, ...ENGLISH_LOCALE, TERM: 'dumb' } });
  let screen = '';
  let seen = 0;
  let step = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    while (step < steps.length) {
      const [waitFor, keys] = steps[step]!;
      const match = waitFor.exec(screen.slice(seen));
      if (!match) break;
      seen += match.index + match[0].length;
      step++;
      child.stdin.write(keys);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe('--help', () => {
  it.each([
    ['en', /or anti-pattern: what NOT to do, web \+ app \+ database\s+in one pod, beside the fix/],
    ['ko', /또는 anti-pattern: 하지 말아야 할 설계/],
  ])('(%s) lists anti-pattern among the patterns, and the ports the app may not take there', async (lang, line) => {
    const result = await runCli(['--help', '--lang', lang]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(line);
    expect(result.stdout).toMatch(/8000.*7000/);
  });
});

describe('the pattern prompt', () => {
  it('offers anti-pattern last, labelled as what not to do; picked alone it generates the lesson', async () => {
    const ws = workspace();
    const { code, screen } = await converse(['shop', '--lang', 'en'], ws, [
      // sidecar, ambassador, adapter, then the anti-pattern: down three, pick it.
      [/Which helpers go beside the app\?/, `${DOWN}${DOWN}${DOWN}${SPACE}${ENTER}`],
      [/Workload name/, ENTER],
      [/Namespace/, ENTER],
      [/app container's port/, ENTER],
      [/Replicas/, ENTER],
      [/Local cluster/, ENTER],
      [/Image name prefix/, ENTER],
    ]);
    expect(code, screen).toBe(0);
    const list = screen.slice(screen.indexOf('Which helpers go beside the app?'));
    const order = ['sidecar logger', 'ambassador proxy', 'adapter monitor', 'anti-pattern, what NOT to do'].map((label) =>
      list.indexOf(label),
    );
    expect(
      order.every((at) => at >= 0),
      list,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The helpers' start-up question means nothing here: it is not asked.
    expect(screen).not.toContain('Start the helpers as native sidecars');
    expect(screen).toContain('Created the anti-pattern lesson');
    expect(listFiles(join(ws, 'shop'))).toEqual(expect.arrayContaining(['k8s/db.yaml', 'k8s-anti-pattern/deployment.yaml']));
  });

  it("refuses the web's port for the app at the prompt, saying why", async () => {
    const ws = workspace();
    const { code, screen } = await converse(['shop', '--lang', 'en', '--pattern', 'anti-pattern'], ws, [
      [/Workload name/, ENTER],
      [/Namespace/, ENTER],
      [/app container's port/, `8000${ENTER}`],
      [/port 8000 is the web container's: in the wrong design \(k8s-anti-pattern\/\) web, app and db share one pod's localhost/, CTRL_C],
    ]);
    expect(code, screen).toBe(130);
    expect(listFiles(ws)).toEqual([]);
  });

  it('refuses the anti-pattern picked beside a helper, at the prompt, before anything else is asked', async () => {
    const ws = workspace();
    const { code, screen } = await converse(['shop', '--lang', 'en'], ws, [
      [/Which helpers go beside the app\?/, `${SPACE}${DOWN}${DOWN}${DOWN}${SPACE}${ENTER}`],
      [/--pattern anti-pattern is a project of its own/, CTRL_C],
    ]);
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('Workload name');
    expect(listFiles(ws)).toEqual([]);
  });
});

describe('flags', () => {
  it('--dry-run lists both folders and writes nothing', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'shop'), '--pattern', 'anti-pattern', '--dry-run', '--yes']);
    expect(result.exitCode).toBe(0);
    for (const path of ['k8s/db.yaml', 'k8s/app.yaml', 'k8s/web.yaml', 'k8s-anti-pattern/deployment.yaml', 'scripts/demo.mjs'])
      expect(result.stdout).toContain(`  ${path}  (`);
    expect(listFiles(ws)).toEqual([]);
  });

  it('refuses the ports of the web and the db in Korean too, with the reason, and writes nothing', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'shop'), '--pattern', 'anti-pattern', '--port', '7000', '--lang', 'ko', '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('7000번 포트는 db 컨테이너의 포트다. 잘못된 설계(k8s-anti-pattern/)');
    expect(listFiles(ws)).toEqual([]);
  });

  it('--replicas sets the web, the app and the wrong pod; the db is always one', async () => {
    const ws = workspace();
    const dir = join(ws, 'shop');
    expect((await runCli([dir, '--pattern', 'anti-pattern', '--replicas', '4', '--yes'])).exitCode).toBe(0);
    const replicas = (file: string) => readYaml(join(dir, file))[0].spec.replicas;
    expect([
      replicas('k8s/web.yaml'),
      replicas('k8s/app.yaml'),
      replicas('k8s/db.yaml'),
      replicas('k8s-anti-pattern/deployment.yaml'),
    ]).toEqual([4, 4, 1, 4]);
  });
});

describe('add inside an anti-pattern project', () => {
  it('refuses with exit 2 and a message saying why, and changes nothing', async () => {
    const ws = workspace();
    const dir = join(ws, 'shop');
    expect((await runCli([dir, '--pattern', 'anti-pattern', '--yes'])).exitCode).toBe(0);
    const before = listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    for (const args of [
      ['add', 'sidecar'],
      ['add', 'adapter', '--to', 'k8s/app.yaml'],
      ['add', 'sidecar', '--dry-run'],
    ]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('this is an anti-pattern project');
      expect(result.stderr).toContain('k8s-anti-pattern/');
      expect(result.stdout).toBe('');
    }
    expect(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])).toEqual(before);
  });
});
