import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { checksIn, lintText, runLintCommand } from '../../src/lint/index.js';
import { CLI } from '../support/cli.js';
import { writeFixtures } from './support/fixtures.js';

const fixture = writeFixtures();
const TEACHER = fileURLToPath(new URL('./manifests/teacher-shop.yaml', import.meta.url));
const HANGUL = /[\uac00-\ud7a3]/;
/** A line with English words in it (a field name or a path alone does not count). */
const ENGLISH_SENTENCE = /\b(the|is|not|and|of|to|with|in|no|a) [a-z]{2,}/i;

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLintCommand(argv, { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Runs the built CLI with exactly this environment (no LANG from the machine). */
async function cli(argv: string[], env: Record<string, string>) {
  const result = await execa(process.execPath, [CLI, 'lint', ...argv], {
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('lint in Korean', () => {
  it('says every finding, fix and the summary in Korean with --lang ko; ids, objects and severities stay as they are', async () => {
    const en = await run([TEACHER]);
    const ko = await run([TEACHER, '--lang', 'ko']);
    expect(ko.code).toBe(1);
    const enLines = en.stdout.trim().split('\n');
    const koLines = ko.stdout.trim().split('\n');
    expect(koLines).toHaveLength(enLines.length);
    const ids = (lines: string[]) => lines.map((l) => /\[([a-z-]+)\]/.exec(l)?.[1]);
    expect(ids(koLines)).toEqual(ids(enLines));
    expect(koLines[0]).toContain(
      '[multiple-main-services] 이 파드는 주 서비스 3개를 실행한다: web(포트 80), api(포트 8080), db(mysql 서버, 포트 3306).',
    );
    expect(koLines[0]).toContain('스테이트풀셋(StatefulSet)');
    for (const line of koLines.slice(0, -1)) {
      const [, text] = line.split(/\] (?:\(경고\) )?/, 2);
      expect(text, line).toMatch(HANGUL);
      expect(text, line).not.toMatch(ENGLISH_SENTENCE);
    }
    expect(koLines.at(-1)).toMatch(/^문제 \d+건 \(오류 \d+건, 경고 \d+건\): 파일 1개, 오브젝트 2개\.$/);
    expect(ko.stdout).toContain('Deployment/shop 컨테이너 db: [no-readiness-probe]');
    expect(ko.stdout).toContain('[image-pull-policy] (경고)');
  });

  it('keeps JSON keys, ids and severities and translates only message and fix', async () => {
    const en = JSON.parse((await run([TEACHER, '--format', 'json'])).stdout);
    const ko = JSON.parse((await run([TEACHER, '--format', 'json', '--lang', 'ko'])).stdout);
    const shape = (r: { findings: Record<string, unknown>[] }) =>
      r.findings.map(({ message, fix, ...rest }) => ({ keys: Object.keys({ message, fix, ...rest }).sort(), ...rest }));
    expect(shape(ko)).toEqual(shape(en));
    for (const f of ko.findings) expect(`${f.message} ${f.fix}`).toMatch(HANGUL);
  });

  it('takes Korean from LANG=ko_KR.UTF-8, LC_MESSAGES or LC_ALL, and --lang wins over the locale', async () => {
    const locales: Record<string, string>[] = [
      { LANG: 'ko_KR.UTF-8' },
      { LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' },
      { LC_ALL: 'ko', LANG: 'C' },
    ];
    for (const env of locales) {
      const { stdout } = await run([fixture('base.yaml')], env);
      expect(stdout, JSON.stringify(env)).toBe('발견된 문제 없음 (파일 1개, 오브젝트 2개).\n');
    }
    expect((await run([fixture('base.yaml'), '--lang', 'en'], { LANG: 'ko_KR.UTF-8' })).stdout).toBe('No findings (1 file, 2 objects).\n');
    expect((await run([fixture('base.yaml')], { LANG: 'en_US.UTF-8' })).stdout).toBe('No findings (1 file, 2 objects).\n');
  });

  it('says usage mistakes in Korean, with the Korean usage text', async () => {
    const cases: [string[], RegExp][] = [
      [[], /검사할 파일이나 폴더를 하나 이상 지정한다/],
      [[fixture('base.yaml'), '--format', 'xml'], /--format은 text 또는 json이어야 한다\("xml" 값은 쓸 수 없다\)/],
      [
        [fixture('base.yaml'), '--only', 'security'],
        /--only: "security"라는 검사 분류는 없다\. 분류는 pod-design, pod-security, resources, probes, images, workload, services이다/,
      ],
      [[fixture('base.yaml'), '--strict'], /알 수 없는 옵션 --strict/],
      [[fixture('base.yaml'), '--lang', 'fr'], /--lang은 en 또는 ko여야 한다/],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run(argv, { LANG: 'ko_KR.UTF-8' });
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).toContain('사용법: create-pod-pattern lint');
      expect(stdout).toBe('');
    }
    const help = await run(['--help', '--lang', 'ko']);
    expect(help.stdout).toBe(lintText('ko').usage);
    const list = await run(['--list-checks', '--lang', 'ko']);
    expect(list.stdout.trim().split('\n')).toHaveLength(checksIn('ko').length);
    expect(list.stdout).toContain('multiple-main-services (pod-design, error): 파드는 주 서비스 하나와 그 헬퍼를 실행한다.');
  });

  it('speaks Korean through the built CLI, from LANG and from --lang, for findings and for bad usage', async () => {
    const fromLocale = await cli([fixture('multiple-main-services/fail.yaml')], { LANG: 'ko_KR.UTF-8' });
    expect(fromLocale.code).toBe(1);
    expect(fromLocale.stdout).toContain('[multiple-main-services] 이 파드는 주 서비스 2개를 실행한다');
    expect(fromLocale.stdout).toMatch(/문제 1건 \(오류 1건, 경고 0건\): 파일 1개, 오브젝트 2개\./);
    const fromFlag = await cli([fixture('multiple-main-services/fail.yaml'), '--lang', 'ko'], { LANG: 'C.UTF-8' });
    expect(fromFlag.stdout).toBe(fromLocale.stdout);
    const bad = await cli(['--only', 'nope'], { LANG: 'ko_KR.UTF-8' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"nope"라는 검사 분류는 없다');
    const english = await cli([fixture('multiple-main-services/fail.yaml')], { LANG: 'C.UTF-8' });
    expect(english.stdout).toContain('[multiple-main-services] This pod runs 2 main services');
  });
});
