import { isTargetRefusal } from '../write/write-error.js';
import { parseCommandLine, HELP } from './args.js';
import { loadGenerateCommand } from './load-generate.js';
import { isUsageError } from './usage-error.js';

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
    const { generate } = await loadGenerateCommand();
    return await generate(command.options, io, () => import('./prompts.js'));
  } catch (error) {
    if (isUsageError(error) || isTargetRefusal(error)) {
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

