import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { CLI, ENGLISH_LOCALE, listFiles, readYaml, workspace } from './support/cli.js';

const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';
const CTRL_C = '\x03';
/** What an inquirer prompt writes to erase its own lines. */
const ERASE_LINE = '\x1b[2K';

/** Runs the CLI on a pseudo-terminal (util-linux `script`) and answers each prompt when it shows. */
function converse(
  args: string[],
  cwd: string,
  steps: [RegExp, string | (() => string), number?][],
  env: Record<string, string> = {},
): Promise<{ code: number | null; screen: string }> {
  // A wide terminal, so no prompt is wrapped across lines.
  const command = `stty cols 400; ${[process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, ...ENGLISH_LOCALE, ...env, TERM: 'dumb' } });
  let screen = '';
  let seen = 0;
  let step = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    while (step < steps.length) {
      const [waitFor, next, delayMs] = steps[step]!;
      const match = waitFor.exec(screen.slice(seen));
      if (!match) break;
      seen += match.index + match[0].length;
      step++;
      const keys = typeof next === 'function' ? next() : next;
      if (delayMs) setTimeout(() => child.stdin.write(keys), delayMs);
      else child.stdin.write(keys);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe('on a TTY, what is not given is asked', () => {
  it('asks every option with its default, validates answers, and generates what was chosen', async () => {
    const ws = workspace();
    const { code, screen } = await converse([], ws, [
      [/Language of the prompts/, ENTER],
      [/Project directory/, `shop${ENTER}`],
      // A checkbox of helpers: the first one (sidecar) picked.
      [/Which helpers go beside the app\?/, `${SPACE}${ENTER}`],
      [/Workload name/, ENTER],
      [/Namespace/, `team-a${ENTER}`],
      [/app container's port/, `8081${ENTER}`],
      [/Replicas/, `2${ENTER}`],
      [/Local cluster/, ENTER],
      [/Start the helpers as native sidecars \(Kubernetes 1\.29\+\) or as ordinary containers\?/, `${DOWN}${ENTER}`],
      [/Image name prefix/, ENTER],
    ]);
    expect(screen, screen).toContain('Created a sidecar logger pod');
    expect(code).toBe(0);
    const [deployment] = readYaml(join(ws, 'shop/k8s/deployment.yaml'));
    expect(deployment.metadata).toMatchObject({ name: 'shop', namespace: 'team-a' });
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app', 'log-shipper']);
    expect(pod.containers[0].ports[0].containerPort).toBe(8081);
    expect(pod.containers[0].image).toBe('local/shop-app:dev');
    // The choices say what each way of starting the helpers means; the pattern's name is not reused for it.
    expect(screen).toMatch(/native sidecars: init containers with restartPolicy: Always/);
    expect(screen).toMatch(/ordinary containers: listed beside the app in containers/);
    expect(screen).not.toMatch(/Sidecar mode/);
  });

  it('refuses an invalid answer with the rule, and Ctrl-C cancels: exit 130, the prompt cleared, nothing written', async () => {
    const ws = workspace();
    const { code, screen } = await converse(['svc', '--pattern', 'sidecar', '--lang', 'en'], ws, [
      [/Workload name/, ENTER],
      [/Namespace/, `Bad_NS${ENTER}`],
      [/namespace "Bad_NS" is not a DNS-1123 label/, CTRL_C],
    ]);
    expect(screen).toContain('cancelled; nothing written');
    expect(code).toBe(130);
    expect(listFiles(ws)).toEqual([]);
    // The half-answered prompt is erased before the message, not left on the screen.
    const afterRefusal = screen.slice(screen.lastIndexOf('is not a DNS-1123 label'));
    expect(afterRefusal.indexOf(ERASE_LINE)).toBeGreaterThan(-1);
    expect(afterRefusal.indexOf(ERASE_LINE)).toBeLessThan(afterRefusal.indexOf('cancelled; nothing written'));
  });

  it.each([
    ['the language', [] as string[], /Language of the prompts/],
    ['the directory', ['--lang', 'en'], /Project directory/],
    ['the pattern', ['svc', '--lang', 'en'], /Which helpers go beside the app\?/],
    ['the port', ['svc', '--lang', 'en', '--pattern', 'adapter', '--name', 'svc', '--namespace', ''], /app container's port/],
  ])('Ctrl-C at the question about %s exits 130 and writes nothing', async (_what, args, prompt) => {
    const ws = workspace();
    const { code, screen } = await converse(args, ws, [[prompt, CTRL_C]]);
    expect(screen).toContain('cancelled; nothing written');
    expect(code).toBe(130);
    expect(listFiles(ws)).toEqual([]);
  });

  it('refuses a non-empty directory as soon as it is given, and takes it once it is empty', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'taken'));
    writeFileSync(join(ws, 'taken/notes.txt'), 'mine');
    const { code, screen } = await converse(['--lang', 'en', '--pattern', 'singleton'], ws, [
      [/Project directory/, `taken${ENTER}`],
      [/directory taken is not empty; choose another directory, or pass --force/, () => (rmSync(join(ws, 'taken/notes.txt')), ENTER)],
      [/Workload name/, ENTER],
      [/Namespace/, ENTER],
      [/app container's port/, ENTER],
      [/Replicas/, ENTER],
      [/Local cluster/, ENTER],
      [/Image name prefix/, ENTER],
    ]);
    expect(code, screen).toBe(0);
    // Refused before any other question was asked.
    expect(screen.indexOf('is not empty')).toBeLessThan(screen.indexOf('Workload name'));
    expect(listFiles(join(ws, 'taken'))).toContain('k8s/deployment.yaml');
  });

  it('asks in Korean once Korean is chosen, first question defaulting to the locale', async () => {
    const ws = workspace();
    const { code, screen } = await converse(
      [],
      ws,
      [
        [/질문과 메시지, 생성할 프로젝트의 언어/, ENTER],
        [/프로젝트 디렉터리/, `shop${ENTER}`],
        [/앱 곁에 둘 헬퍼를 고르자/, `${SPACE}${ENTER}`],
        [/워크로드 이름/, ENTER],
        [/네임스페이스/, ENTER],
        [/app 컨테이너의 포트/, `80${ENTER}`],
        [/특권 포트다[\s\S]*한 파드의 컨테이너는 네트워크 하나를 함께 쓰므로/, CTRL_C],
      ],
      { LANG: 'ko_KR.UTF-8' },
    );
    expect(code, screen).toBe(130);
    expect(screen).toContain('취소했다. 아무것도 쓰지 않았다');
    expect(listFiles(ws)).toEqual([]);
    const sidecar = await converse(
      ['shop', '--pattern', 'sidecar', '--name', 'shop', '--namespace', '', '--port', '8080', '--replicas', '1', '--target', 'kind'],
      ws,
      [
        [/질문과 메시지, 생성할 프로젝트의 언어/, ENTER],
        [/헬퍼를 네이티브 사이드카\(쿠버네티스 1\.29\+\)로 시작할까, 일반 컨테이너로 시작할까\?/, ENTER],
        [/이미지 이름 접두사/, CTRL_C],
      ],
      { LANG: 'ko_KR.UTF-8' },
    );
    expect(sidecar.code, sidecar.screen).toBe(130);
    expect(sidecar.screen).toContain('네이티브 사이드카: restartPolicy: Always인 초기화 컨테이너다');
    expect(sidecar.screen).toContain('일반 컨테이너: containers에 app과 나란히 둔다');
    expect(listFiles(ws)).toEqual([]);
    // To the end in Korean: the next steps.
    const singleton = await converse(
      [
        'shop',
        '--pattern',
        'singleton',
        '--name',
        'shop',
        '--namespace',
        '',
        '--port',
        '8080',
        '--replicas',
        '1',
        '--target',
        'kind',
        '--image-prefix',
        'local/',
      ],
      ws,
      [[/질문과 메시지, 생성할 프로젝트의 언어/, ENTER]],
      { LANG: 'ko_KR.UTF-8' },
    );
    expect(singleton.code, singleton.screen).toBe(0);
    expect(singleton.screen).toContain('shop/에 싱글턴(singleton) 파드(app)를 만들었다');
    expect(singleton.screen).toContain('다음 단계:');
  });

  it('asks only what the flags left out, and --yes asks nothing', async () => {
    const ws = workspace();
    const asked = await converse(
      [
        'svc',
        '--lang',
        'en',
        '--pattern',
        'adapter',
        '--namespace',
        'x',
        '--port',
        '8080',
        '--replicas',
        '1',
        '--target',
        'kind',
        '--sidecar-mode',
        'native',
        '--image-prefix',
        'local/',
      ],
      ws,
      [[/Workload name/, ENTER]],
    );
    expect(asked.code).toBe(0);
    expect(asked.screen).not.toMatch(/Which helpers go beside|Namespace|Replicas/);
    const quiet = await converse(['quiet', '--pattern', 'singleton', '--yes'], ws, []);
    expect(quiet.code).toBe(0);
    expect(quiet.screen).not.toContain('?');
  });
});
