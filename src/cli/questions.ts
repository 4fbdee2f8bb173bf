import { PATTERNS, PATTERN_NAMES, sampleOptions } from '../patterns/index.js';
import type { PatternName } from '../patterns/types.js';
import { pathTextProblem } from '../write/path-text.js';
import { DEFAULTS, defaultName, defaultSidecarMode, helperPorts, type RawOptions } from './options.js';
import { checkImagePrefix, checkName, checkNamespace, checkPort, checkReplicas, SIDECAR_MODES, suggestName, TARGETS } from './rules.js';

type Key = Exclude<keyof RawOptions, 'yes' | 'force' | 'dryRun'>;

/** One question per option: the CLI asks it with @inquirer/prompts, `npx plop` with plop's prompts. */
export interface Question {
  key: Key;
  message: string;
  choices?: { value: string; name: string }[];
  default: (answers: RawOptions) => string | undefined;
  validate?: (value: string, answers: RawOptions) => string | undefined;
  when?: (answers: RawOptions) => boolean;
}

const hasHelpers = (a: RawOptions) =>
  PATTERNS[(a.pattern ?? 'singleton') as PatternName].build(sampleOptions({ pattern: (a.pattern ?? 'singleton') as PatternName })).containers.some((c) => c.role === 'helper');

export const QUESTIONS: Question[] = [
  { key: 'directory', message: 'Project directory', default: () => DEFAULTS.directory, validate: (v) => pathTextProblem(v.trim()) },
  {
    key: 'pattern',
    message: 'Which pod pattern?',
    choices: PATTERN_NAMES.map((p) => ({ value: p, name: PATTERNS[p].label })),
    default: () => DEFAULTS.pattern,
  },
  {
    key: 'name',
    message: 'Workload name (DNS-1123 label)',
    default: (a) => suggestName(defaultName(a.directory ?? DEFAULTS.directory)),
    validate: (v) => checkName(v),
  },
  { key: 'namespace', message: 'Namespace (empty: the current context\'s)', default: () => '', validate: (v) => (v ? checkNamespace(v) : undefined) },
  { key: 'port', message: "The app container's port", default: () => DEFAULTS.port, validate: (v, a) => checkPort(v, helperPorts((a.pattern ?? 'singleton') as PatternName)) },
  { key: 'replicas', message: 'Replicas', default: () => DEFAULTS.replicas, validate: (v) => checkReplicas(v) },
  {
    key: 'target',
    message: 'Local cluster the deploy script aims at first',
    choices: TARGETS.map((t) => ({ value: t, name: t })),
    default: () => DEFAULTS.target,
  },
  {
    key: 'sidecarMode',
    message: 'Sidecar mode',
    choices: SIDECAR_MODES.map((m) => ({
      value: m,
      name: m === 'native' ? 'native: init container with restartPolicy Always (starts first, stops last)' : 'classic: a second entry in containers',
    })),
    default: (a) => defaultSidecarMode(a.target),
    // podman cannot run native sidecars, so there is nothing to choose there.
    when: (a) => hasHelpers(a) && a.target !== 'podman',
  },
  { key: 'imagePrefix', message: 'Image name prefix', default: () => DEFAULTS.imagePrefix, validate: (v, a) => checkImagePrefix(v, a.name ?? 'x') },
];
