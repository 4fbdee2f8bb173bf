/**
 * The generators: one per pod pattern, and one per lesson (`anti-pattern`). `npx plop <pattern>` asks the questions with
 * plop's prompts; `create-pod-pattern` drives the same generators through node-plop.
 * What differs between patterns is data (src/patterns); the action is the same for all.
 */
import { resolve } from 'node:path';
import type { NodePlopAPI } from 'node-plop';
import { resolveOptions, type RawOptions } from './src/cli/options.js';
import { cliText, type CliText } from './src/cli/cli-text.js';
import { directoryQuestion, languageQuestion, optionQuestions, type Question } from './src/cli/questions.js';
import { isLang, langFromEnv } from './src/i18n/lang.js';
import { ALL_PATTERNS, helpersOf, LESSON_NAMES, PATTERNS } from './src/patterns/index.js';
import { planProject, type ProjectPlan } from './src/plan/project-plan.js';
import { checkTarget, writeProject } from './src/write/write-project.js';
import { describeRefusal, isTargetRefusal } from './src/write/write-error.js';

export const WRITE_PROJECT_ACTION = 'pod-project';

/** What the CLI passes beside the answers: its plan, and where to hand the error (node-plop keeps only its message). */
export interface CliExtras {
  plan?: ProjectPlan;
  onFailure?: (error: unknown) => void;
}

export default function plopfile(plop: NodePlopAPI): void {
  plop.setActionType(WRITE_PROJECT_ACTION, async (answers, config) => {
    try {
      const raw = { ...(answers as RawOptions), pattern: (config as { pattern?: string }).pattern };
      // The CLI has planned already (to validate before writing); `npx plop` has not.
      const plan = (answers as CliExtras).plan ?? planProject(resolveOptions(raw));
      const target = resolve(plop.getDestBasePath(), plan.options.directory);
      await writeProject(target, plan.files, { force: Boolean(raw.force) });
      return `${plan.files.length} files in ${target}`;
    } catch (error) {
      (answers as CliExtras).onFailure?.(error);
      throw error;
    }
  });

  // Every pattern there is: the four named ones and each further set of helpers (`sidecar,adapter`).
  for (const pattern of ALL_PATTERNS) {
    plop.setGenerator(pattern, {
      description:
        helpersOf(pattern)!
          .map((h) => PATTERNS[h].label)
          .join(' + ') || PATTERNS.singleton.label,
      prompts: plopPrompts(pattern),
      actions: [{ type: WRITE_PROJECT_ACTION, pattern } as never],
    });
  }
  // The lessons: projects of their own, not a pod (the anti-pattern, beside its fix).
  for (const pattern of LESSON_NAMES) {
    plop.setGenerator(pattern, {
      description: cliText(langFromEnv()).prompts.patterns[pattern as keyof CliText['prompts']['patterns']],
      prompts: plopPrompts(pattern),
      actions: [{ type: WRITE_PROJECT_ACTION, pattern } as never],
    });
  }
}

/**
 * The CLI's questions, asked by plop: the language first (defaulting to the environment's),
 * then every other question in the words of the language chosen.
 */
function plopPrompts(pattern: string) {
  const envLang = langFromEnv();
  const textOf = (answers: RawOptions) => cliText(isLang(answers.lang) ? answers.lang : envLang);
  const withPattern = (answers: RawOptions): RawOptions => ({ ...answers, pattern });
  const asked = (key: Question['key']) => (answers: RawOptions) => questionsIn(textOf(answers)).find((q) => q.key === key)!;
  const keys = questionsIn(cliText(envLang))
    .map((q) => q.key)
    .filter((key) => key !== 'pattern');
  return keys.map((key) => {
    const q = asked(key);
    const sample = q({});
    return {
      type: sample.choices ? 'list' : 'input',
      name: key,
      message: (answers: RawOptions) => q(answers).message,
      ...(sample.choices ? { choices: (answers: RawOptions) => q(answers).choices } : {}),
      default: (answers: RawOptions) => q(answers).default(withPattern(answers)),
      ...(sample.when ? { when: (answers: RawOptions) => q(answers).when!(withPattern(answers)) } : {}),
      validate: async (value: string, answers: RawOptions) => {
        const t = textOf(answers);
        if (key === 'directory') return (await directoryRefusal(value.trim(), t)) ?? true;
        return q(answers).validate?.(value.trim(), withPattern(answers)) ?? true;
      },
    };
  });
}

/** Every question, in the order plop asks them; the language defaults to the environment's. */
const questionsIn = (t: CliText): Question[] => [languageQuestion(t, langFromEnv()), directoryQuestion(t), ...optionQuestions(t)];

/** Why the folder cannot take the project, in the reader's words; asked as soon as the directory is answered. */
async function directoryRefusal(dir: string, t: CliText): Promise<string | undefined> {
  try {
    checkTarget(dir, false);
    return undefined;
  } catch (error) {
    if (isTargetRefusal(error)) return describeRefusal(error.reason, t.refusals);
    throw error;
  }
}
