import { cli as english, type CliText } from '../i18n/en/cli.js';

/**
 * Why a target folder cannot take the project, as data: the CLI says it in the reader's
 * language (src/i18n/<lang>/cli.ts, `refusals`, keyed by `code`); the error's message is the
 * English, for callers that show it as it is (`npx plop`).
 */
export type RefusalReason =
  | { code: 'emptyPath' }
  | { code: 'controlCharacters'; dir: string }
  | { code: 'nameTooLong'; name: string; bytes: number; max: number }
  | { code: 'pathTooLong'; path: string; bytes: number; max: number }
  | { code: 'targetIsLink'; dir: string; dangling: boolean }
  | { code: 'parentLinkDangling'; path: string; dir: string }
  | { code: 'parentNotFolder'; path: string; dir: string }
  | { code: 'parentIsFile'; path: string; dir: string }
  | { code: 'targetNotFolder'; dir: string }
  | { code: 'notEmpty'; dir: string }
  | { code: 'locked'; dir: string; pid: number }
  | { code: 'lockNotOurs'; path: string }
  | { code: 'createdMeanwhile'; dir: string }
  | { code: 'conflicts'; target: string; conflicts: SwapConflict[] };

/** An entry of the target the project cannot replace without losing or following something. */
export interface SwapConflict {
  code: 'isLink' | 'fileWhereFolder' | 'folderWhereFile';
  path: string;
}

/**
 * The target folder cannot take the project as asked (taken, not a folder, a link, a name too
 * long, another run writing there): the input is at fault, so the CLI exits 2. Its own type, so
 * the write layer does not depend on the CLI's.
 */
export class TargetRefusal extends Error {
  override readonly name = 'TargetRefusal';
  constructor(readonly reason: RefusalReason) {
    super(describeRefusal(reason));
  }
}

/** The refusal in words: English unless another catalog's `refusals` is given. */
export function describeRefusal(reason: RefusalReason, text: CliText['refusals'] = english.refusals): string {
  if (reason.code === 'conflicts') {
    const conflicts = reason.conflicts.map((c) => text[c.code]({ path: c.path })).join(text.separator);
    return text.conflicts({ target: reason.target, conflicts });
  }
  if (reason.code === 'emptyPath') return text.emptyPath;
  // Each code names its own sentence, and each reason carries that sentence's values.
  return (text[reason.code] as (values: typeof reason) => string)(reason);
}

/** By name, not instanceof: the generate flow is bundled apart from the CLI's entry. */
export function isTargetRefusal(error: unknown): error is TargetRefusal {
  return error instanceof Error && error.name === 'TargetRefusal';
}

/** What a run that failed halfway could not put back, as data for the reader's language (`outcome.restoreFailed`). */
export interface RestoreFailureReason {
  target: string;
  /** Why the run failed in the first place; none when finishing an earlier run's undo. */
  cause?: string;
  error: string;
  /** Where what the project replaced is kept; none when it had only added entries. */
  keptIn?: string;
}

/**
 * Something was written and could not be taken back: unlike every other failure, "nothing was
 * written" would be untrue. The staging folder stays, and the next run into the target undoes the rest.
 */
export class RestoreFailure extends Error {
  override readonly name = 'RestoreFailure';
  constructor(readonly reason: RestoreFailureReason) {
    super(english.outcome.restoreFailed(reason));
  }
}

export function isRestoreFailure(error: unknown): error is RestoreFailure {
  return error instanceof Error && error.name === 'RestoreFailure';
}
