/**
 * `create-pod-pattern [directory] [options]`: the flow that creates a project, step by step.
 * Each step is a small function below; the write itself is the plop generator's action.
 */
import { langFromEnv, type Lang } from '../i18n/lang.js';
import { planProject } from '../plan/project-plan.js';
import { checkTarget } from '../write/write-project.js';
import { describeRefusal, isTargetRefusal } from '../write/write-error.js';
import { cliText, type CliText } from './cli-text.js';
import type { Io, LoadPrompts } from './io.js';
import { DEFAULTS, resolveLang, resolveOptions, type RawOptions } from './options.js';
import { reportError } from './report-error.js';
import { dryRunReport, nextSteps } from './report.js';
import { runPlopGenerator } from './run-plop-generator.js';
import { UsageError } from './usage-error.js';

type Prompts = Awaited<ReturnType<LoadPrompts>>;

export async function createProject(given: RawOptions, io: Io, loadPrompts: LoadPrompts): Promise<number> {
  // Until the language is known, a refusal is said in the environment's.
  let t = cliText(langFromEnv());
  try {
    const prompts = !given.yes && io.interactive ? await loadPrompts() : undefined;
    // 1. The language, first: every later word is in it.
    const lang = await chooseLanguage(given, prompts);
    t = cliText(lang);
    // 2. The directory, refused at once if it cannot take the project (not after every other answer).
    const directory = await chooseDirectory(given, t, prompts);
    // 3. Ask what the flags left out (on a TTY, without --yes).
    const raw = prompts ? await prompts.askMissing({ ...given, lang, directory }, t) : { ...given, lang, directory };
    // 4. Validate: a value that breaks a rule stops here, with the rule and how to mend it.
    const options = resolveOptions(raw);
    // 5. Plan every file (pure; the manifests are linted here).
    const plan = planProject(options);
    // 6. Write it all or nothing, or only list it on --dry-run.
    if (given.dryRun) return (io.stdout(dryRunReport(plan, t)), 0);
    await runPlopGenerator(plan, { force: Boolean(given.force) });
    // 7. Say what to do next.
    io.stdout(nextSteps(plan, t));
    return 0;
  } catch (error) {
    return reportError(error, t, io.stderr);
  }
}

/** --lang, else asked (defaulting to the environment's), else the environment's. */
async function chooseLanguage(given: RawOptions, prompts: Prompts | undefined): Promise<Lang> {
  if (given.lang !== undefined || !prompts) return resolveLang(given);
  const fallback = langFromEnv();
  return resolveLang({ lang: await prompts.askLanguage(cliText(fallback), fallback) });
}

/** The directory given (or --yes's default), checked before any other prompt; or asked, and refused as it is answered. */
async function chooseDirectory(given: RawOptions, t: CliText, prompts: Prompts | undefined): Promise<string> {
  const force = Boolean(given.force);
  if (given.directory === undefined && prompts) return prompts.askDirectory(t, (dir) => refusalOf(dir, force, t));
  const directory = given.directory ?? (given.yes ? DEFAULTS.directory : undefined);
  if (directory === undefined) throw new UsageError(t.rules.noDirectory);
  checkTarget(directory, force);
  return directory;
}

async function refusalOf(dir: string, force: boolean, t: CliText): Promise<string | undefined> {
  try {
    checkTarget(dir, force);
    return undefined;
  } catch (error) {
    if (isTargetRefusal(error)) return describeRefusal(error.reason, t.refusals);
    throw error;
  }
}
