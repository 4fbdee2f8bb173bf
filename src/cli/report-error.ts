import { describeRefusal, isRestoreFailure, isTargetRefusal } from '../write/write-error.js';
import type { CliText } from './cli-text.js';
import { isUsageError } from './usage-error.js';

/** Ctrl-C at a prompt: the exit status a shell gives a command interrupted by SIGINT (128 + 2). */
export const CANCELLED = 130;

/** Says what went wrong in the reader's language, and returns the exit status it calls for. */
export function reportError(error: unknown, t: CliText, stderr: (text: string) => void): number {
  if (isUsageError(error)) return (stderr(`create-pod-pattern: ${error.message}\n`), 2);
  if (isTargetRefusal(error)) return (stderr(`create-pod-pattern: ${describeRefusal(error.reason, t.refusals)}\n`), 2);
  if ((error as { name?: string }).name === 'ExitPromptError') return (stderr(`create-pod-pattern: ${t.outcome.cancelled}\n`), CANCELLED);
  if (isRestoreFailure(error)) return (stderr(`create-pod-pattern: ${t.outcome.restoreFailed(error.reason)}\n`), 1);
  stderr(`create-pod-pattern: ${(error as Error).message ?? error}\n${t.outcome.nothingWritten}\n`);
  return 1;
}
