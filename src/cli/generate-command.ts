import { planProject } from '../plan/project-plan.js';
import { checkTarget } from '../write/write-project.js';
import { runGenerator } from './generate.js';
import type { Io } from './main.js';
import { resolveOptions, type RawOptions } from './options.js';
import { dryRunReport, nextSteps } from './report.js';

/**
 * The prompts, loaded only when asking. Passed in by the CLI's entry, which loads them from
 * their own file: the generate bundle runs as a cached script, where import() is not available.
 */
export type LoadPrompts = () => Promise<typeof import('./prompts.js')>;

/** Ask what is missing -> validate -> plan -> write (or list, on --dry-run) -> next steps. */
export async function generate(given: RawOptions, io: Io, loadPrompts: LoadPrompts): Promise<number> {
  let raw = given;
  // Checked before any prompt, so the user learns at once that the folder is taken.
  if (raw.directory !== undefined) await checkTarget(raw.directory, Boolean(raw.force));
  if (!raw.yes && io.interactive) {
    const { askMissing } = await loadPrompts();
    raw = await askMissing(raw);
  }
  const options = resolveOptions(raw);
  if (options.directory !== given.directory) await checkTarget(options.directory, Boolean(raw.force));
  const plan = planProject(options);
  if (raw.dryRun) return io.stdout(dryRunReport(plan)), 0;
  await runGenerator(plan, { force: Boolean(raw.force) });
  io.stdout(nextSteps(plan));
  return 0;
}
