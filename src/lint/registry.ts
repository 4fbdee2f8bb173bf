/** Every check, as data, in the order findings are reported for an object. */
import { imageChecks } from './checks/images.js';
import { podDesignChecks } from './checks/pod-design.js';
import { podSecurityChecks } from './checks/pod-security.js';
import { probeChecks } from './checks/probes.js';
import { resourceChecks } from './checks/resources.js';
import { serviceChecks } from './checks/services.js';
import { workloadChecks } from './checks/workload.js';
import type { Check } from './types.js';

export const CHECKS: readonly Check[] = [
  ...podSecurityChecks,
  ...resourceChecks,
  ...probeChecks,
  ...imageChecks,
  ...workloadChecks,
  ...serviceChecks,
  ...podDesignChecks,
];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
