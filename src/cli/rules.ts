/**
 * Input rules, each a pure check that returns what is wrong and how to mend it,
 * or undefined when the value is fine. Prompts and flags share them.
 */
import { PATTERN_NAMES } from '../patterns/index.js';
import { IMAGE_TAG } from '../patterns/constants.js';

export const TARGETS = ['kind', 'minikube', 'k3d', 'docker-desktop', 'podman'] as const;
export const SIDECAR_MODES = ['native', 'classic'] as const;

/** Longest suffix the generator appends to the name (`<name>-upstream-primary`). */
export const LONGEST_NAME_SUFFIX = '-upstream-primary';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function show(value: unknown): string {
  return JSON.stringify(String(value));
}

export function checkName(name: string): string | undefined {
  if (!name) return 'the name is empty; pass --name <name>, e.g. --name my-service';
  const max = 63 - LONGEST_NAME_SUFFIX.length;
  if (name.length > max)
    return `name ${show(name)} is ${name.length} characters; object names such as "<name>${LONGEST_NAME_SUFFIX}" must fit in 63, so use at most ${max}`;
  if (!DNS1123_LABEL.test(name))
    return `name ${show(name)} is not a DNS-1123 label: use lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. ${show(suggestName(name))})`;
  if (!DNS1035_LABEL.test(name))
    return `name ${show(name)} must start with a letter, because it also names a Service (DNS-1035), e.g. ${show(`svc-${name}`)}`;
  return undefined;
}

/** A valid label derived from anything, for suggestions only. */
export function suggestName(raw: string): string {
  const s = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').replace(/-{2,}/g, '-');
  return s.slice(0, 63 - LONGEST_NAME_SUFFIX.length).replace(/-+$/, '') || 'my-service';
}

export function checkNamespace(ns: string): string | undefined {
  if (ns.length > 63) return `namespace ${show(ns)} is longer than 63 characters`;
  if (!DNS1123_LABEL.test(ns))
    return `namespace ${show(ns)} is not a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit`;
  if (ns.startsWith('kube-')) return `namespace ${show(ns)} is reserved for the cluster (kube-*); choose another`;
  return undefined;
}

export function parseWholeNumber(raw: string): number | undefined {
  return /^[0-9]+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

export function checkPort(raw: string, reserved: { port: number; container: string }[]): string | undefined {
  const port = parseWholeNumber(raw);
  if (port === undefined || port < 1 || port > 65535) return `port ${show(raw)} is not a port number: use a whole number from 1024 to 65535`;
  if (port < 1024)
    return `port ${port} is privileged: the containers run as a non-root user with every capability dropped, so use 1024 or above (e.g. 8080)`;
  const taken = reserved.find((r) => r.port === port);
  if (taken)
    return `port ${port} is already used by ${taken.container}; containers in a pod share one network, so no two may use the same port: choose another (e.g. 8080)`;
  return undefined;
}

export function checkReplicas(raw: string): string | undefined {
  const n = parseWholeNumber(raw);
  if (n === undefined || n < 1 || n > 100) return `replicas ${show(raw)} is not a whole number from 1 to 100`;
  return undefined;
}

export function checkChoice<T extends string>(what: string, value: string, choices: readonly T[]): string | undefined {
  return choices.includes(value as T) ? undefined : `${what} ${show(value)} is not one of: ${choices.join(', ')}`;
}

export function checkPattern(value: string): string | undefined {
  return checkChoice('pattern', value, PATTERN_NAMES);
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

export function checkImagePrefix(prefix: string, name: string): string | undefined {
  const sample = `${prefix}${name}-app`;
  if (!isImageRepository(sample))
    return `image prefix ${show(prefix)} does not make a valid image name (${show(`${sample}:${IMAGE_TAG}`)}): use lowercase letters, digits, '.', '_', '-' and '/' (a registry host may carry a port from 1 to 65535), e.g. "local/" or "registry.example:5000/team/"`;
  return undefined;
}
