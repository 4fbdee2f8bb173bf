import { parseCommandLine, requestedLang } from './args.js';
import { cliText } from './cli-text.js';
import type { Io } from './io.js';
import { loadCreateProject } from './load-create-project.js';
import { reportError } from './report-error.js';

declare const __VERSION__: string;

export type { Io } from './io.js';

/** The command line: help, version, lint, add, or the flow that creates a project (create-project.ts). */
export async function main(argv: string[], io: Io): Promise<number> {
  const t = cliText(requestedLang(argv));
  try {
    const command = parseCommandLine(argv, t);
    if (command.kind === 'help') return (io.stdout(t.help), 0);
    if (command.kind === 'version') return (io.stdout(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`), 0);
    if (command.kind === 'lint') {
      const { runLintCommand } = await import('../lint/command.js');
      return await runLintCommand(command.argv, { stdout: io.stdout, stderr: io.stderr });
    }
    if (command.kind === 'add') {
      const { runAddCommand } = await import('../add/command.js');
      return await runAddCommand(command.argv, { stdout: io.stdout, stderr: io.stderr });
    }
    const { createProject } = await loadCreateProject();
    return await createProject(command.options, io, () => import('./prompts.js'));
  } catch (error) {
    return reportError(error, t, io.stderr);
  }
}
