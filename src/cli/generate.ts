import nodePlop from 'node-plop';
import plopfile, { lastActionError } from '../../plopfile.ts';
import type { ProjectPlan } from '../plan/project-plan.js';

/** Runs the pattern's plop generator (the same one `npx plop` runs) without prompting. */
export async function runGenerator(plan: ProjectPlan, flags: { force: boolean }): Promise<void> {
  const { options } = plan;
  const plop = await nodePlop(undefined, { destBasePath: process.cwd(), force: false });
  plopfile(plop);
  const answers = { ...options, port: String(options.port), replicas: String(options.replicas), force: flags.force, plan };
  const result = await plop.getGenerator(options.pattern).runActions(answers);
  if (result.failures.length) {
    throw lastActionError ?? new Error(result.failures.map((f) => f.error).join('; '));
  }
}
