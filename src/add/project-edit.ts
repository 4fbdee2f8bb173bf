/**
 * `add` in a generated project: the project as the generator would make it for the new set of
 * helpers, written only where it differs. A file the user never touched (it is what the
 * generator made for the old set) is replaced by the new one; a file they edited is edited in
 * place (the Deployment, the kustomization, the Service, package.json) or kept (README.md).
 */
import { applyEdits, modify } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import type { PlannedFile } from '../plan/project-plan.js';
import { planProject } from '../plan/project-plan.js';
import { patternOf } from '../patterns/index.js';
import type { HelperName, ProjectOptions } from '../patterns/types.js';
import { APP_PARTS_MODULE, addAppParts, withoutAppFiles } from './app-parts.js';
import { insertOrRefuse, type ManifestEdit } from './edit-manifest.js';
import { AddRefusal } from './refusal.js';
import { detectLayout } from './yaml-insert.js';

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

/** The first document of a YAML file of the project, or a refusal naming the file and where it does not parse. */
function parsedYaml(path: string, text: string) {
  const docs = parseAllDocuments(text);
  const error = docs.flatMap((d) => d.errors)[0];
  if (error) throw new AddRefusal({ code: 'projectFileUnreadable', path, message: error.message.split('\n')[0]! });
  return docs;
}

function addResources(text: string, resources: string[]): string {
  const path = 'k8s/kustomization.yaml';
  const doc = parsedYaml(path, text)[0]!;
  const have = (doc.toJS()?.resources ?? []) as string[];
  const missing = resources.filter((r) => !have.includes(r));
  return missing.length
    ? insertOrRefuse(text, 0, { kind: 'items', path: ['resources'], items: missing }, detectLayout(text, doc, ['resources']), path)
    : text;
}

function addServicePorts(text: string, name: string, ports: Record<string, unknown>[]): string {
  const path = 'k8s/service.yaml';
  const docs = parsedYaml(path, text);
  const at = docs.findIndex((d) => d.toJS()?.kind === 'Service' && d.toJS()?.metadata?.name === name);
  if (at === -1) return text;
  const have = (docs[at]!.toJS()?.spec?.ports ?? []) as { name?: string }[];
  const missing = ports.filter((p) => !have.some((h) => h.name === p.name));
  return missing.length
    ? insertOrRefuse(
        text,
        at,
        { kind: 'items', path: ['spec', 'ports'], items: missing },
        detectLayout(text, docs[at]!, ['spec', 'ports']),
        path,
      )
    : text;
}

/**
 * Each missing devDependency inserted where its name sorts, and nothing else of the file
 * changed (jsonc-parser's edits): the user's layout, e.g. a one-line array, stays as written.
 */
function addDevDependencies(text: string, dependencies: Record<string, string>): string {
  let json: { devDependencies?: Record<string, string> };
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AddRefusal({ code: 'projectFileUnreadable', path: 'package.json', message: (error as Error).message });
  }
  const missing = Object.entries(dependencies).filter(([name]) => !json.devDependencies?.[name]);
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
  let edited = text;
  for (const [name, version] of missing) {
    const sortsBefore = (props: string[]) => {
      const at = props.findIndex((prop) => prop.localeCompare(name) > 0);
      return at === -1 ? props.length : at;
    };
    edited = applyEdits(edited, modify(edited, ['devDependencies', name], version, { formattingOptions, getInsertionIndex: sortsBefore }));
  }
  return edited;
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
