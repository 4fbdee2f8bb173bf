import { relative, resolve } from 'node:path';
import { isClusterNamespace } from '../manifests/namespace.js';
import type { ProjectPlan } from '../plan/project-plan.js';

export function dryRunReport(plan: ProjectPlan): string {
  const lines = plan.files.map((f) => `  ${f.path}  (${Buffer.byteLength(f.content)} bytes)`);
  return [`Would write ${plan.files.length} files to ${plan.options.directory}/ (dry run: nothing written):`, ...lines, ''].join('\n');
}

export function nextSteps(plan: ProjectPlan): string {
  // Under `npm run create`, npm runs us in the repo root; the user typed from INIT_CWD.
  const dir = relative(process.env.INIT_CWD ?? process.cwd(), resolve(plan.options.directory)) || '.';
  const cd = dir === '.' ? [] : [`  cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir}`];
  return [
    `Created ${/^[aeiou]/i.test(plan.pattern.title) ? 'an' : 'a'} ${plan.pattern.title.toLowerCase()} pod (${plan.pattern.containers.map((c) => c.name).join(' + ')}) in ${dir}/ (${plan.files.length} files).`,
    ...namespaceNote(plan.options.namespace),
    '',
    'Next:',
    ...cd,
    '  npm install',
    '  npm test          # each container\'s tests',
    '  npm run dev       # the pod\'s containers as local processes sharing localhost',
    `  npm run deploy    # build the images and apply k8s/ to your local cluster (${plan.options.target} first)`,
    '',
  ].join('\n');
}

/** A cluster's own namespace gets the objects but is not shipped (src/manifests/namespace.ts says why). */
function namespaceNote(namespace: string | undefined): string[] {
  if (!namespace || !isClusterNamespace(namespace)) return [];
  return [`Namespace ${namespace} belongs to the cluster: k8s/ puts every object in it, but does not create, label or delete it (so its Pod Security level stays as it is).`];
}
