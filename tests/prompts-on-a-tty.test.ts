import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, listFiles, readYaml, workspace } from './support/cli.js';

const ENTER = '\r';
const DOWN = '\x1b[B';

/** Runs the CLI on a pseudo-terminal (util-linux `script`) and answers each prompt when it shows. */
function converse(args: string[], cwd: string, steps: [RegExp, string, number?][]): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'dumb' } });
  let screen = '';
  let seen = 0;
  let step = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    while (step < steps.length) {
      const [waitFor, keys, delayMs] = steps[step]!;
      const match = waitFor.exec(screen.slice(seen));
      if (!match) break;
      seen += match.index + match[0].length;
      step++;
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
      [/Project directory/, `shop${ENTER}`],
      [/Which pod pattern\?/, `${DOWN}${ENTER}`],
      [/Workload name/, ENTER],
      [/Namespace/, `team-a${ENTER}`],
      [/app container's port/, `8081${ENTER}`],
      [/Replicas/, `2${ENTER}`],
      [/Local cluster/, ENTER],
      [/Sidecar mode/, `${DOWN}${ENTER}`],
      [/Image name prefix/, ENTER],
    ]);
    expect(screen, screen).toContain("Created a sidecar logger pod");
    expect(code).toBe(0);
    const [deployment] = readYaml(join(ws, 'shop/k8s/deployment.yaml'));
    expect(deployment.metadata).toMatchObject({ name: 'shop', namespace: 'team-a' });
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app', 'log-shipper']);
    expect(pod.containers[0].ports[0].containerPort).toBe(8081);
    expect(pod.containers[0].image).toBe('local/shop-app:dev');
  });

  it('refuses an invalid answer with the rule, and Ctrl-C cancels with nothing written', async () => {
    const ws = workspace();
    const { code, screen } = await converse(['svc', '--pattern', 'sidecar'], ws, [
      [/Workload name/, ENTER],
      [/Namespace/, `Bad_NS${ENTER}`],
      [/namespace "Bad_NS" is not a DNS-1123 label/, '\x03'],
    ]);
    expect(screen).toContain('cancelled; nothing written');
    expect(code).toBe(1);
    expect(listFiles(ws)).toEqual([]);
  });

  it('asks only what the flags left out, and --yes asks nothing', async () => {
    const ws = workspace();
    const asked = await converse(['svc', '--pattern', 'adapter', '--namespace', 'x', '--port', '8080', '--replicas', '1', '--target', 'kind', '--sidecar-mode', 'native', '--image-prefix', 'local/'], ws, [
      [/Workload name/, ENTER],
    ]);
    expect(asked.code).toBe(0);
    expect(asked.screen).not.toMatch(/Which pod pattern|Namespace|Replicas/);
    const quiet = await converse(['quiet', '--pattern', 'singleton', '--yes'], ws, []);
    expect(quiet.code).toBe(0);
    expect(quiet.screen).not.toContain('?');
  });
});
