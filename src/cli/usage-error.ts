/** Bad usage or invalid input: exit status 2, and nothing written. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
