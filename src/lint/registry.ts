/**
 * Every check, as data, in the order findings are reported for an object: pod design
 * first. The checks are built with the words of one language; ids and logic are the same in all.
 */
import type { Lang } from '../i18n/lang.js';
import { imageChecks } from './checks/images.js';
import { podDesignChecks } from './checks/pod-design.js';
import { podSecurityChecks } from './checks/pod-security.js';
import { probeChecks } from './checks/probes.js';
import { resourceChecks } from './checks/resources.js';
import { serviceChecks } from './checks/services.js';
import { workloadChecks } from './checks/workload.js';
import { lintText } from './text.js';
import type { Check } from './types.js';

const FAMILY_CHECKS = [podDesignChecks, podSecurityChecks, resourceChecks, probeChecks, imageChecks, workloadChecks, serviceChecks];

const built = new Map<Lang, readonly Check[]>();

/** The checks, with their descriptions and messages in `lang`. */
export function checksIn(lang: Lang = 'en'): readonly Check[] {
  let checks = built.get(lang);
  if (!checks) {
    const text = lintText(lang);
    checks = FAMILY_CHECKS.flatMap((family) => family(text));
    built.set(lang, checks);
  }
  return checks;
}

export const CHECKS: readonly Check[] = checksIn('en');

export function findCheck(id: string, lang: Lang = 'en'): Check | undefined {
  return checksIn(lang).find((c) => c.id === id);
}
