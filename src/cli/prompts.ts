import type { RawOptions } from './options.js';
import { QUESTIONS } from './questions.js';

/** Asks, on a TTY, every question whose flag was not given. Loaded only when prompting. */
export async function askMissing(given: RawOptions): Promise<RawOptions> {
  const { input, select } = await import('@inquirer/prompts');
  const answers: RawOptions = { ...given };
  for (const q of QUESTIONS) {
    if (answers[q.key] !== undefined) continue;
    if (q.when && !q.when(answers)) continue;
    const def = q.default(answers);
    answers[q.key] = q.choices
      ? await select({ message: q.message, choices: q.choices, default: def })
      : await input({
          message: q.message,
          default: def,
          validate: (value) => q.validate?.(value.trim(), answers) ?? true,
        }).then((v) => v.trim());
  }
  return answers;
}
