import { relative, resolve } from 'node:path';
import { isClusterNamespace } from '../manifests/namespace.js';
import type { ProjectPlan } from '../plan/project-plan.js';
import type { CliText } from './cli-text.js';

export function dryRunReport(plan: ProjectPlan, t: CliText): string {
  const lines = plan.files.map((f) => t.outcome.fileLine({ path: f.path, bytes: Buffer.byteLength(f.content) }));
  return [t.outcome.dryRun({ count: plan.files.length, dir: plan.options.directory }), ...lines, ''].join('\n');
}

export function nextSteps(plan: ProjectPlan, t: CliText): string {
  const o = t.outcome;
  // Under `npm run create`, npm runs us in the repo root; the user typed from INIT_CWD.
  const dir = relative(process.env.INIT_CWD ?? process.cwd(), resolve(plan.options.directory)) || '.';
  const cd = dir === '.' ? [] : [`  cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir}`];
  const containers = plan.containers.map((c) => c.name).join(' + ');
  const [fix, wrong] = plan.designs;
  return [
    fix && wrong
      ? o.createdLesson({ containers, dir, count: plan.files.length, wrongFolder: wrong, fixFolder: fix })
      : o.created({ pattern: plan.options.pattern, containers, dir, count: plan.files.length }),
    ...namespaceNote(plan.options.namespace, t),
    '',
    o.next,
    ...cd,
    '  npm install',
    `  ${o.test}`,
    ...(wrong ? [`  ${o.devLesson}`, `  ${o.demo}`] : [`  ${o.dev}`]),
    `  ${o.deploy({ target: plan.options.target })}`,
    '',
  ].join('\n');
}

/** A cluster's own namespace gets the objects but is not shipped (src/manifests/namespace.ts says why). */
function namespaceNote(namespace: string | undefined, t: CliText): string[] {
  if (!namespace || !isClusterNamespace(namespace)) return [];
  return [t.outcome.clusterNamespace({ namespace })];
}
