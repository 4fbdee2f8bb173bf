/** The questions asked on a TTY, with @inquirer/prompts. Loaded only when prompting. */
import type { CliText } from './cli-text.js';
import type { RawOptions } from './options.js';
import { directoryQuestion, languageQuestion, optionQuestions, type Question } from './questions.js';

/**
 * Each prompt clears itself when it ends, so a Ctrl-C leaves no half-answered question on
 * the screen; an answered one is then written again as one line.
 */
const CLEAR_WHEN_DONE = { clearPromptOnDone: true };

async function ask(
  q: Question,
  answers: RawOptions,
  check?: (value: string) => Promise<string | undefined> | string | undefined,
): Promise<string> {
  const { checkbox, input, select } = await import('@inquirer/prompts');
  const def = q.default(answers);
  const answer =
    q.choices && q.multiple
      ? (
          await checkbox(
            {
              message: q.message,
              choices: q.choices,
              // The picks as one answer (`sidecar,adapter`), checked as a typed one would be.
              validate: async (picked) => (await check?.(picked.map((c) => c.value).join(',') || q.multiple!.none)) ?? true,
            },
            CLEAR_WHEN_DONE,
          )
        ).join(',') || q.multiple.none
      : q.choices
        ? await select({ message: q.message, choices: q.choices, default: def }, CLEAR_WHEN_DONE)
        : (
            await input(
              { message: q.message, default: def, validate: async (value) => (await check?.(value.trim())) ?? true },
              CLEAR_WHEN_DONE,
            )
          ).trim();
  const shown = answer
    .split(',')
    .map((part) => q.choices?.find((c) => c.value === part)?.name ?? part)
    .join(' + ');
  process.stdout.write(`✔ ${q.message} ${shown}\n`);
  return answer;
}

/** Asked first, in the language of the environment, which is also its default. */
export async function askLanguage(t: CliText, fallback: string): Promise<string> {
  return ask(languageQuestion(t, fallback), {});
}

/** The directory, refused at once when the folder cannot take the project (`refusal` says why). */
export async function askDirectory(t: CliText, refusal: (dir: string) => Promise<string | undefined>): Promise<string> {
  return ask(directoryQuestion(t), {}, refusal);
}

/** Every other question whose flag was not given. */
export async function askMissing(given: RawOptions, t: CliText): Promise<RawOptions> {
  const answers: RawOptions = { ...given };
  for (const q of optionQuestions(t)) {
    if (answers[q.key] !== undefined) continue;
    if (q.when && !q.when(answers)) continue;
    answers[q.key] = await ask(q, answers, (value) => q.validate?.(value, answers));
  }
  return answers;
}
