import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, workspace } from './support/cli.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** The same request in Korean, by flag and by locale; and in English, by default. */
const KOREAN = {
  'with --lang ko': { args: ['--lang', 'ko'], env: {} },
  'with LANG=ko_KR.UTF-8': { args: [], env: { LANG: 'ko_KR.UTF-8' } },
};

describe.each(Object.entries(KOREAN))('the CLI in Korean, %s', (_how, { args, env }) => {
  const run = (more: string[]) => runCli([...more, ...args], { env });

  it('--help is in Korean, with the lint line and every option name as typed', async () => {
    const result = await run(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('사용법: create-pod-pattern [디렉터리] [옵션]');
    expect(result.stdout).toContain('[--only <family>[,<family>...]] [--lang en|ko]');
    for (const option of [
      '--pattern',
      '--lang',
      '--name',
      '--namespace',
      '--port',
      '--replicas',
      '--sidecar-mode',
      '--target',
      '--image-prefix',
      '--yes',
      '--force',
      '--dry-run',
    ])
      expect(result.stdout).toContain(option);
  });

  it('refuses a bad --port in Korean, with exit 2 and nothing written', async () => {
    const ws = workspace();
    const result = await run([join(ws, 'demo'), '--pattern', 'sidecar', '--port', '80', '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^create-pod-pattern: 80번 포트는 특권 포트다/);
    expect(listFiles(ws)).toEqual([]);
  });

  it('refuses a non-empty directory in Korean', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'demo'));
    writeFileSync(join(ws, 'demo/notes.txt'), 'mine');
    const result = await run([join(ws, 'demo'), '--pattern', 'sidecar', '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(' 디렉터리가 비어 있지 않다. 다른 디렉터리를 고르거나, 그 안에 쓰려면 --force를 주자');
    expect(listFiles(ws)).toEqual(['demo/notes.txt']);
  });

  it('says the next steps in Korean, commands as typed', async () => {
    const ws = workspace();
    // INIT_CWD is where the user typed the command (npm sets it); here, the workspace.
    const result = await runCli(['demo', '--pattern', 'singleton', '--yes', ...args], { cwd: ws, env: { ...env, INIT_CWD: ws } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('demo/에 싱글턴(singleton) 파드(app)를 만들었다');
    expect(result.stdout).toMatch(/다음 단계:\n {2}cd demo\n {2}npm install\n {2}npm test +# 각 컨테이너의 테스트/);
  });

  it('lists a dry run in Korean, with the same files and sizes as in English', async () => {
    const ws = workspace();
    const ko = await run([join(ws, 'demo'), '--pattern', 'singleton', '--yes', '--dry-run']);
    expect(ko.exitCode).toBe(0);
    expect(ko.stdout).toMatch(/demo\/에 파일 \d+개를 쓸 것이다\(시험 실행: 아무것도 쓰지 않았다\):/);
    const listed = (text: string) => [...text.matchAll(/^ {2}(\S+) {2}\(\d+ bytes\)$/gm)].map((m) => m[1]);
    expect(listed(ko.stdout).length).toBeGreaterThan(10);
    expect(listFiles(ws)).toEqual([]);
  });

  it("says lint's loader messages in Korean", async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'empty'));
    const missing = await run(['lint', join(ws, 'nope.yaml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: 그런 파일이나 폴더가 없다');
    const empty = await run(['lint', join(ws, 'empty')]);
    expect(empty.stderr).toContain('empty: 이 폴더에는 .yaml이나 .yml 파일이 없다');
    writeFileSync(join(ws, 'broken.yaml'), 'kind: [Deployment\n');
    const broken = await run(['lint', join(ws, 'broken.yaml')]);
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toMatch(/\[yaml-syntax\] YAML을 해석할 수 없다: .* — 가리킨 위치의 YAML 문법/);
  });
});

describe('English is the default', () => {
  it('without --lang and with an English locale every message is English', async () => {
    const ws = workspace();
    const outputs = [
      await runCli(['--help']),
      await runCli([join(ws, 'demo'), '--pattern', 'sidecar', '--port', '80', '--yes']),
      await runCli([join(ws, 'demo'), '--pattern', 'sidecar', '--yes', '--dry-run']),
      await runCli(['lint', join(ws, 'nope.yaml')]),
    ];
    for (const { stdout, stderr } of outputs) expect(stdout + stderr).not.toMatch(HANGUL);
  });

  it('--lang ko wins over a Korean or an English locale, and --lang en over a Korean one', async () => {
    const en = await runCli(['--help', '--lang', 'en'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(en.stdout).toMatch(/^Usage: create-pod-pattern/);
    const ko = await runCli(['--help', '--lang', 'ko'], { env: { LC_ALL: 'en_US.UTF-8' } });
    expect(ko.stdout).toMatch(/^사용법: create-pod-pattern/);
  });

  it("an unknown --lang is refused with exit 2, in the locale's language", async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'demo'), '--pattern', 'sidecar', '--yes', '--lang', 'fr']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--lang must be one of en, ko, got "fr"');
    expect(listFiles(ws)).toEqual([]);
  });
});
