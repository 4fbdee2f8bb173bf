/** Bad usage or invalid input: exit status 2, and nothing written. */
export class UsageError extends Error {
  readonly exitCode = 2;
  override readonly name = 'UsageError';
}

/**
 * By name, not instanceof: the generate flow is bundled apart from the CLI's entry
 * (scripts/build.mjs), so each has its own copy of the class.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}
