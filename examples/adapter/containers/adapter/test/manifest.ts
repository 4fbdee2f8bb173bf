import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** The adapter container as the pod's manifest declares it: the values a test must not restate. */
export interface AdapterManifest {
  env: Record<string, string>;
  /** resources.limits.memory, in bytes: past it the kubelet kills the container. */
  memoryLimitBytes: number;
}

/** k8s/deployment.yaml of the project this container folder belongs to. */
const PROJECT_MANIFEST = fileURLToPath(new URL('../../../k8s/deployment.yaml', import.meta.url));
/** In create-pod-pattern's own repository the template has no k8s/ beside it: the generator plans one. */
const GENERATOR_PLAN = fileURLToPath(new URL('../../../../src/plan/project-plan.ts', import.meta.url));

export async function adapterManifest(): Promise<AdapterManifest> {
  const text = existsSync(PROJECT_MANIFEST) ? readFileSync(PROJECT_MANIFEST, 'utf8') : await plannedManifest();
  const deployment = parseAllDocuments(text)
    .map((doc) => doc.toJS())
    .find((object) => object?.kind === 'Deployment');
  const spec = deployment?.spec?.template?.spec ?? {};
  const container = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].find((c) => c.name === 'adapter');
  if (!container) throw new Error('the manifest has no container named adapter');
  const env: Record<string, string> = {};
  for (const { name, value } of container.env ?? []) env[name] = String(value);
  return { env, memoryLimitBytes: quantityBytes(String(container.resources?.limits?.memory)) };
}

async function plannedManifest(): Promise<string> {
  // A variable path, so a generated project (which has no such file) never tries to resolve it.
  const planModule = GENERATOR_PLAN;
  const { planProject } = await import(/* @vite-ignore */ planModule);
  const plan = planProject({
    lang: 'en',
    directory: 'demo',
    pattern: 'adapter',
    name: 'demo',
    port: 8080,
    replicas: 1,
    sidecarMode: 'native',
    target: 'kind',
    imagePrefix: 'local/',
  });
  return plan.files.find((f: { path: string }) => f.path === 'k8s/deployment.yaml').content;
}

const UNITS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 };

/** A Kubernetes memory quantity ("160Mi", "200M", "1Gi", "134217728") in bytes. */
export function quantityBytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(|k|M|G|Ki|Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`not a memory quantity this test reads: "${quantity}"`);
  return Number(match[1]) * UNITS[match[2]];
}
