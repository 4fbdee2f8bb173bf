import { HELPER_NAMES, helpersOf, LESSON_NAMES } from '../patterns/index.js';
import { LANGS } from '../i18n/lang.js';
import type { CliText } from './cli-text.js';
import { DEFAULTS, defaultName, defaultSidecarMode, helperPorts, type RawOptions } from './options.js';
import {
  checkImagePrefix,
  checkName,
  checkNamespace,
  checkPattern,
  checkPort,
  checkReplicas,
  SIDECAR_MODES,
  suggestName,
  TARGETS,
} from './rules.js';

type Key = Exclude<keyof RawOptions, 'yes' | 'force' | 'dryRun'>;

/** One question per option: the CLI asks it with @inquirer/prompts, `npx plop` with plop's prompts. */
export interface Question {
  key: Key;
  message: string;
  choices?: { value: string; name: string }[];
  /** Several choices may be picked (a checkbox); the answer joins them with commas, or is `none`. */
  multiple?: { none: string };
  default: (answers: RawOptions) => string | undefined;
  validate?: (value: string, answers: RawOptions) => string | undefined;
  when?: (answers: RawOptions) => boolean;
}

const askedPattern = (a: RawOptions) => a.pattern ?? 'singleton';
const hasHelpers = (a: RawOptions) => (helpersOf(askedPattern(a)) ?? []).length > 0;

/** The first question, on its own: every later one is asked in the language it picks. */
export function languageQuestion(t: CliText, fallback: string): Question {
  return {
    key: 'lang',
    message: t.prompts.lang,
    choices: LANGS.map((lang) => ({ value: lang, name: t.prompts.langChoices[lang] })),
    default: () => fallback,
  };
}

/** The project directory; whether the folder can take the project is checked where it is asked (prompts.ts). */
export function directoryQuestion(t: CliText): Question {
  return { key: 'directory', message: t.prompts.directory, default: () => DEFAULTS.directory };
}

/** Everything after the language and the directory, in the order it is asked. */
export function optionQuestions(t: CliText): Question[] {
  const p = t.prompts;
  const r = t.rules;
  return [
    {
      key: 'pattern',
      message: p.pattern,
      // Any set of helpers around the app; none picked is the singleton. Last, on its own: the lesson of what not to do.
      choices: [...HELPER_NAMES, ...LESSON_NAMES].map((name) => ({ value: name, name: p.patterns[name as keyof typeof p.patterns] })),
      multiple: { none: 'singleton' },
      default: () => DEFAULTS.pattern,
      validate: (v) => checkPattern(v, r),
    },
    {
      key: 'name',
      message: p.name,
      default: (a) => suggestName(defaultName(a.directory ?? DEFAULTS.directory)),
      validate: (v) => checkName(v, r),
    },
    { key: 'namespace', message: p.namespace, default: () => '', validate: (v) => (v ? checkNamespace(v, r) : undefined) },
    { key: 'port', message: p.port, default: () => DEFAULTS.port, validate: (v, a) => checkPort(v, helperPorts(askedPattern(a)), r) },
    { key: 'replicas', message: p.replicas, default: () => DEFAULTS.replicas, validate: (v) => checkReplicas(v, r) },
    {
      key: 'target',
      message: p.target,
      choices: TARGETS.map((target) => ({ value: target, name: target })),
      default: () => DEFAULTS.target,
    },
    {
      key: 'sidecarMode',
      message: p.sidecarMode,
      choices: SIDECAR_MODES.map((mode) => ({ value: mode, name: p.sidecarModes[mode] })),
      default: (a) => defaultSidecarMode(a.target),
      // podman cannot run native sidecars, so there is nothing to choose there.
      when: (a) => hasHelpers(a) && a.target !== 'podman',
    },
    {
      key: 'imagePrefix',
      message: p.imagePrefix,
      default: () => DEFAULTS.imagePrefix,
      validate: (v, a) => checkImagePrefix(v, a.name ?? 'x', r),
    },
  ];
}
