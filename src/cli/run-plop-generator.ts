import nodePlop from 'node-plop';
import plopfile, { type CliExtras } from '../../plopfile.ts';
import type { ProjectPlan } from '../plan/project-plan.js';

/** Runs the pattern's plop generator (the same one `npx plop` runs) without prompting. */
export async function runPlopGenerator(plan: ProjectPlan, flags: { force: boolean }): Promise<void> {
  const { options } = plan;
  const plop = await nodePlop(undefined, { destBasePath: process.cwd(), force: false });
  plopfile(plop);
  let failure: unknown;
  const extras: CliExtras = { plan, onFailure: (error) => (failure = error) };
  const answers = { ...options, port: String(options.port), replicas: String(options.replicas), force: flags.force, ...extras };
  const result = await plop.getGenerator(options.pattern).runActions(answers);
  if (result.failures.length) {
    throw failure ?? new Error(result.failures.map((f) => f.error).join('; '));
  }
}
