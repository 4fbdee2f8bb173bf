/**
 * The generators: one per pod pattern. `npx plop <pattern>` asks the questions with
 * plop's prompts; `create-pod-pattern` drives the same generators through node-plop.
 * What differs between patterns is data (src/patterns); the action is the same for all.
 */
import { resolve } from 'node:path';
import type { NodePlopAPI } from 'node-plop';
import { resolveOptions, type RawOptions } from './src/cli/options.js';
import { QUESTIONS } from './src/cli/questions.js';
import { PATTERNS, PATTERN_NAMES } from './src/patterns/index.js';
import type { PatternName } from './src/patterns/types.js';
import { planProject, type ProjectPlan } from './src/plan/project-plan.js';
import { writeProject } from './src/write/write-project.js';

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

  for (const pattern of PATTERN_NAMES) {
    plop.setGenerator(pattern, {
      description: PATTERNS[pattern as PatternName].label,
      prompts: QUESTIONS.filter((q) => q.key !== 'pattern').map((q) => ({
        type: q.choices ? 'list' : 'input',
        name: q.key,
        message: q.message,
        ...(q.choices ? { choices: q.choices } : {}),
        default: (answers: RawOptions) => q.default({ ...answers, pattern }),
        ...(q.when ? { when: (answers: RawOptions) => q.when!({ ...answers, pattern }) } : {}),
        ...(q.validate ? { validate: (value: string, answers: RawOptions) => q.validate!(value, { ...answers, pattern }) ?? true } : {}),
      })),
      actions: [{ type: WRITE_PROJECT_ACTION, pattern } as never],
    });
  }
}
