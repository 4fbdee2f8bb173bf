import { resolve } from 'node:path';
import { parseCommandLine, HELP } from './args.js';
import { resolveOptions, type RawOptions } from './options.js';
import { dryRunReport, nextSteps } from './report.js';
import { UsageError } from './usage-error.js';
import { inspectTarget, refusalFor } from '../write/write-project.js';

declare const __VERSION__: string;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  interactive: boolean;
}

/** The whole CLI flow: parse -> ask what is missing -> validate -> plan -> write -> next steps. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') return io.stdout(HELP), 0;
    if (command.kind === 'version') return io.stdout(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`), 0;
    if (command.kind === 'lint') {
      const { runLintCommand } = await import('../lint/command.js');
      return await runLintCommand(command.argv, { stdout: io.stdout, stderr: io.stderr });
    }
    let raw: RawOptions = command.options;
    if (raw.directory !== undefined) await refuseUnusableTarget(raw);
    if (!raw.yes && io.interactive) {
      const { askMissing } = await import('./prompts.js');
      raw = await askMissing(raw);
    }
    const options = resolveOptions(raw);
    await refuseUnusableTarget({ directory: options.directory, force: raw.force });
    const { planProject } = await import('../plan/project-plan.js');
    const plan = planProject(options);
    if (raw.dryRun) return io.stdout(dryRunReport(plan)), 0;
    const { runGenerator } = await import('./generate.js');
    await runGenerator(plan, { force: Boolean(raw.force) });
    io.stdout(nextSteps(plan));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`create-pod-pattern: ${error.message}\n`);
      return 2;
    }
    if ((error as { name?: string }).name === 'ExitPromptError') {
      io.stderr('create-pod-pattern: cancelled; nothing written\n');
      return 1;
    }
    io.stderr(`create-pod-pattern: ${(error as Error).message ?? error}\nNothing was written.\n`);
    return 1;
  }
}

/** Checked before any prompt, so the user learns at once that the folder is taken. */
async function refuseUnusableTarget(raw: { directory?: string; force?: boolean }): Promise<void> {
  const dir = raw.directory!;
  const refusal = refusalFor(dir, await inspectTarget(resolve(dir)), Boolean(raw.force));
  if (refusal) throw new UsageError(refusal);
}
