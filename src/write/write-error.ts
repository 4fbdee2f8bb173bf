/**
 * The target folder cannot take the project as asked (taken, not a folder, a link, a name too
 * long, another run writing there): the input is at fault, so the CLI exits 2. Its own type, so
 * the write layer does not depend on the CLI's.
 */
export class TargetRefusal extends Error {
  override readonly name = 'TargetRefusal';
}

/** By name, not instanceof: the generate flow is bundled apart from the CLI's entry. */
export function isTargetRefusal(error: unknown): error is TargetRefusal {
  return error instanceof Error && error.name === 'TargetRefusal';
}
