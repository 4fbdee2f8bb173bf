import type { add } from '../i18n/en/add.js';

type Refusals = (typeof add)['refusals'];
/** A refusal's code and the values its message needs, checked against the catalog's own parameters. */
export type RefusalReason = {
  [K in keyof Refusals]: Refusals[K] extends (p: infer P) => string ? { code: K } & P : { code: K };
}[keyof Refusals];

/** The input's fault: exit 2, nothing written, a message in the reader's language. */
export class AddRefusal extends Error {
  override readonly name = 'AddRefusal';
  constructor(readonly reason: RefusalReason) {
    super(reason.code);
  }
}

export function describeAddRefusal(reason: RefusalReason, t: Refusals): string {
  const message = t[reason.code] as string | ((p: RefusalReason) => string);
  return typeof message === 'function' ? message(reason) : message;
}
