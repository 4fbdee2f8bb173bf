/**
 * `add` in a generated project: the project as the generator would make it for the new set of
 * helpers, written only where it differs. A file the user never touched (it is what the
 * generator made for the old set) is replaced by the new one; a file they edited is edited in
 * place (the Deployment, the kustomization, the Service, package.json) or kept (README.md).
 */
import { parseAllDocuments } from 'yaml';
import type { PlannedFile } from '../plan/project-plan.js';
import { planProject } from '../plan/project-plan.js';
import { patternOf } from '../patterns/index.js';
import type { HelperName, ProjectOptions } from '../patterns/types.js';
import { APP_PARTS_MODULE, addAppParts, withoutAppFiles } from './app-parts.js';
import type { ManifestEdit } from './edit-manifest.js';
import { AddRefusal } from './refusal.js';
import { detectLayout, insert } from './yaml-insert.js';

export const DEPLOYMENT_FILE = 'k8s/deployment.yaml';

export interface ProjectEdit {
  /** Files to write, with their content as they will be. */
  files: PlannedFile[];
  /** Files that would change with the pattern but hold the user's edits, left as they are. */
  kept: string[];
  /** The app is the user's own (no parts module): none of the helpers' app parts went into it. */
  appIsTheirs: boolean;
}

type Read = (path: string) => string | undefined;
/** Whether anything (a file, a folder) is at a path of the project. */
type Exists = (path: string) => boolean;

function addResources(text: string, resources: string[]): string {
  const doc = parseAllDocuments(text)[0]!;
  const have = (doc.toJS()?.resources ?? []) as string[];
  const missing = resources.filter((r) => !have.includes(r));
  return missing.length
    ? insert(text, 0, { kind: 'items', path: ['resources'], items: missing }, detectLayout(text, doc, ['resources']))
    : text;
}

function addServicePorts(text: string, name: string, ports: Record<string, unknown>[]): string {
  const docs = parseAllDocuments(text);
  const at = docs.findIndex((d) => d.toJS()?.kind === 'Service' && d.toJS()?.metadata?.name === name);
  if (at === -1) return text;
  const have = (docs[at]!.toJS()?.spec?.ports ?? []) as { name?: string }[];
  const missing = ports.filter((p) => !have.some((h) => h.name === p.name));
  return missing.length
    ? insert(text, at, { kind: 'items', path: ['spec', 'ports'], items: missing }, detectLayout(text, docs[at]!, ['spec', 'ports']))
    : text;
}

function addDevDependencies(text: string, dependencies: Record<string, string>): string {
  const json = JSON.parse(text) as { devDependencies?: Record<string, string> };
  const missing = Object.entries(dependencies).filter(([name]) => !json.devDependencies?.[name]);
  if (!missing.length) return text;
  const all = { ...json.devDependencies, ...Object.fromEntries(missing) };
  json.devDependencies = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  const indent = /^\{\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return `${JSON.stringify(json, null, indent)}\n`;
}

/**
 * The code every container imports (../../../shared/, ../../../test-support/): written where it is
 * missing, as in a project made before it existed, since the containers added would not build without it.
 */
const CODE_CONTAINERS_IMPORT = /^(shared|test-support)\//;

/** The in-place edit of a file the user changed, or undefined to keep it as it is. */
function editInPlace(path: string, current: string, planned: string, edit: ManifestEdit): string | undefined {
  if (path === DEPLOYMENT_FILE) return edit.text;
  if (path === APP_PARTS_MODULE) return addAppParts(current, planned);
  if (path === 'k8s/kustomization.yaml') return addResources(current, parseAllDocuments(planned)[0]!.toJS().resources);
  if (path === 'k8s/service.yaml') {
    const ports = edit.parts.flatMap((p) =>
      p.container.ports
        .filter((port) => port.service)
        .map((port) => ({ name: port.name, port: port.service!.port, targetPort: port.name, protocol: 'TCP' })),
    );
    return addServicePorts(current, edit.options.name, ports);
  }
  if (path === 'package.json')
    return addDevDependencies(current, Object.assign({}, ...edit.parts.map((p) => p.container.dependencies ?? {})));
  return undefined;
}

export function planProjectEdit(
  read: Read,
  exists: Exists,
  edit: ManifestEdit,
  project: Pick<ProjectOptions, 'lang' | 'target'>,
): ProjectEdit {
  const helpers: HelperName[] = [...new Set([...edit.before, ...edit.parts.map((p) => p.helper)])];
  const base = { ...edit.options, ...project, directory: '.' };
  const oldPlan = new Map(planProject({ ...base, pattern: patternOf(edit.before) }).files.map((f) => [f.path, f]));
  const newPlan = planProject({ ...base, pattern: patternOf(helpers) });
  // An app without the parts module is the user's own: nothing of the generator's goes into it.
  const appIsTheirs = !exists(APP_PARTS_MODULE);
  const planned = appIsTheirs ? withoutAppFiles(newPlan.files) : newPlan.files;
  // A container folder the new helpers bring must be new: one of the user's is not merged into.
  const folderOf = (path: string) => /^containers\/[^/]+/.exec(path)?.[0];
  const oldFolders = new Set([...oldPlan.keys()].map(folderOf));
  for (const folder of new Set(newPlan.files.map((f) => folderOf(f.path)))) {
    if (folder && !oldFolders.has(folder) && exists(folder)) throw new AddRefusal({ code: 'pathTaken', path: folder });
  }
  const files: PlannedFile[] = [];
  const kept: string[] = [];
  for (const file of planned) {
    const current = read(file.path);
    const old = oldPlan.get(file.path);
    if (current === file.content) continue;
    if (current === undefined && CODE_CONTAINERS_IMPORT.test(file.path)) {
      files.push(file);
    } else if (old === undefined) {
      if (current !== undefined) throw new AddRefusal({ code: 'pathTaken', path: file.path });
      files.push(file);
    } else if (current === old.content) {
      files.push(file);
    } else if (old.content !== file.content || file.path === DEPLOYMENT_FILE) {
      const content = current === undefined ? undefined : editInPlace(file.path, current, file.content, edit);
      if (content === undefined) kept.push(file.path);
      else if (content !== current) files.push({ ...file, content });
    }
  }
  return { files, kept, appIsTheirs };
}
