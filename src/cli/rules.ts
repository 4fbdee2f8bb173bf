/**
 * Input rules, each a pure check that returns what is wrong and how to mend it,
 * or undefined when the value is fine. Prompts and flags share them.
 */
import { HELPER_NAMES, isPattern, LESSON_NAMES, PATTERN_NAMES } from '../patterns/index.js';
import { IMAGE_TAG } from '../patterns/constants.js';
import type { CliText } from '../i18n/en/cli.js';

export const TARGETS = ['kind', 'minikube', 'k3d', 'docker-desktop', 'podman'] as const;
export const SIDECAR_MODES = ['native', 'classic'] as const;

/** Longest suffix the generator appends to the name (`<name>-upstream-primary`). */
export const LONGEST_NAME_SUFFIX = '-upstream-primary';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** The words of the rules, in the reader's language. */
type RulesText = CliText['rules'];

export function checkName(name: string, t: RulesText): string | undefined {
  if (!name) return t.nameEmpty;
  const max = 63 - LONGEST_NAME_SUFFIX.length;
  if (name.length > max) return t.nameTooLong({ name, length: name.length, suffix: LONGEST_NAME_SUFFIX, max });
  if (!DNS1123_LABEL.test(name)) return t.nameNotLabel({ name, suggestion: suggestName(name) });
  if (!DNS1035_LABEL.test(name)) return t.nameNotDns1035({ name, suggestion: `svc-${name}` });
  return undefined;
}

/** A valid label derived from anything, for suggestions only. */
export function suggestName(raw: string): string {
  const s = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .replace(/-{2,}/g, '-');
  return s.slice(0, 63 - LONGEST_NAME_SUFFIX.length).replace(/-+$/, '') || 'my-service';
}

export function checkNamespace(namespace: string, t: RulesText): string | undefined {
  if (namespace.length > 63) return t.namespaceTooLong({ namespace });
  if (!DNS1123_LABEL.test(namespace)) return t.namespaceNotLabel({ namespace });
  if (namespace.startsWith('kube-')) return t.namespaceReserved({ namespace });
  return undefined;
}

export function parseWholeNumber(raw: string): number | undefined {
  return /^[0-9]+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

/**
 * Who else binds a port next to the app: a container of this pod, a demo companion that
 * runs in a pod of its own in the cluster but beside the pod on localhost under `npm run dev`,
 * or a container that shares the app's localhost in the wrong design of a lesson (its `folder`).
 */
export type PortOwner =
  | { port: number; container: string }
  | { port: number; companion: string }
  | { port: number; container: string; folder: string };

export function checkPort(raw: string, taken: readonly PortOwner[], t: RulesText): string | undefined {
  const port = parseWholeNumber(raw);
  if (port === undefined || port < 1 || port > 65535) return t.portNotNumber({ value: raw });
  if (port < 1024) return t.portPrivileged({ port });
  const owner = taken.find((o) => o.port === port);
  if (owner && 'folder' in owner) return t.portTakenInWrongPod({ port, container: owner.container, folder: owner.folder });
  if (owner && 'container' in owner) return t.portTakenInPod({ port, container: owner.container });
  if (owner) return t.portTakenByDemo({ port, companion: owner.companion });
  return undefined;
}

export function checkReplicas(raw: string, t: RulesText): string | undefined {
  const n = parseWholeNumber(raw);
  if (n === undefined || n < 1 || n > 100) return t.replicas({ value: raw });
  return undefined;
}

export function checkChoice<T extends string>(
  what: 'pattern' | 'target' | 'sidecarMode',
  value: string,
  choices: readonly T[],
  t: RulesText,
): string | undefined {
  return choices.includes(value as T) ? undefined : t.notOneOf({ what, value, choices: choices.join(', ') });
}

export function checkPattern(value: string, t: RulesText): string | undefined {
  // One of the four, helpers joined by commas (a pod may hold any set of them), or a lesson, alone.
  if (isPattern(value)) return undefined;
  const lesson = LESSON_NAMES.find((l) => value.split(',').some((part) => part.trim() === l));
  if (lesson) return t.lessonAlone({ pattern: lesson });
  return t.notOneOf({ what: 'pattern', value, choices: [...PATTERN_NAMES, HELPER_NAMES.join(','), ...LESSON_NAMES].join(' | ') });
}

/** Docker reference grammar: the first part is a registry host only if it has '.', ':' or is localhost. */
const REGISTRY_HOST = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** A registry host's port, when it has one, is a TCP port: 1 to 65535. */
function validPort(host: string): boolean {
  const port = host.split(':')[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

export function isImageRepository(reference: string): boolean {
  const parts = reference.split('/');
  const first = parts[0]!;
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost && !(REGISTRY_HOST.test(first) && validPort(first))) return false;
  return (hasHost ? parts.slice(1) : parts).every((p) => PATH_COMPONENT.test(p)) && reference.length <= 255;
}

export function checkImagePrefix(prefix: string, name: string, t: RulesText): string | undefined {
  const sample = `${prefix}${name}-app`;
  if (!isImageRepository(sample)) return t.imagePrefix({ prefix, sample: `${sample}:${IMAGE_TAG}` });
  return undefined;
}
