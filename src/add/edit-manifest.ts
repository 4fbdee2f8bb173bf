/**
 * The heart of `add`: puts helpers into one Deployment of a YAML file, as the generator would
 * have (the same containers, env, mounts, volumes and annotations, from src/patterns), and
 * keeps everything else of the file byte for byte. Pure: text in, text out, or a refusal.
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { isDeepStrictEqual } from 'node:util';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  parseAllDocuments,
  type Scalar,
  visit,
  type YAMLMap,
} from 'yaml';
import type { Lang } from '../i18n/lang.js';
import { findCheck } from '../lint/registry.js';
import { lintDocuments } from '../lint/lint.js';
import { renderContainer } from '../manifests/container.js';
import { HELPERS } from '../patterns/index.js';
import type { HelperName, HelperPart, ProjectOptions } from '../patterns/types.js';
import { assertHelpersFit } from './conflicts.js';
import { type Choices, DEFAULT_CONTAINER, helpersIn, mainContainer, optionsOf } from './pod-facts.js';
import { AddRefusal } from './refusal.js';
import { type Addition, CannotInsert, detectLayout, insert, type Layout } from './yaml-insert.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed manifest of any shape, read defensively field by field
type Obj = Record<string, any>;
const POD = ['spec', 'template', 'spec'];

export interface ManifestEdit {
  text: string;
  /** The options the generator would have had for the pod with its new helpers. */
  options: ProjectOptions;
  /** The helpers added, as src/patterns describes them. */
  parts: HelperPart[];
  /** The helpers the pod held before. */
  before: HelperName[];
}

export interface EditRequest extends Choices {
  helpers: HelperName[];
  deployment?: string;
}

/**
 * One insertion (yaml-insert.ts); what the YAML cannot take without rewriting the user's text is
 * their input's limit: a refusal naming where (`file: ` before the path, for a file of a project).
 */
export function insertOrRefuse(text: string, index: number, addition: Addition, layout: Layout, file?: string): string {
  try {
    return insert(text, index, addition, layout);
  } catch (error) {
    if (!(error instanceof CannotInsert)) throw error;
    const path = error.path.join('.');
    throw new AddRefusal({ code: 'cannotInsert', path: file ? `${file}: ${path}` : path, why: error.reason });
  }
}

/** Parses every document; a YAML error is the user's, with its line and column. */
function parse(text: string) {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, merge: true });
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error)
      throw new AddRefusal({
        code: 'parse',
        line: error.linePos?.[0].line ?? 0,
        col: error.linePos?.[0].col ?? 0,
        message: error.message.split('\n')[0]!,
      });
    // An alias to no anchor of its own document is not an error to the parser, only when read.
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && !node.resolve(doc)) {
          const { line, col } = lines.linePos(node.range?.[0] ?? 0);
          throw new AddRefusal({ code: 'parse', line, col, message: `unresolved alias *${node.source}` });
        }
      },
      Map(_, map) {
        const overlap = mergedAndWritten(doc, map);
        if (overlap) {
          const { line, col } = lines.linePos(map.range?.[0] ?? 0);
          throw new AddRefusal({ code: 'mergeOverlap', key: overlap, line, col });
        }
      },
    });
  }
  return docs;
}

/**
 * A key written in a map before a merge (<<) that gives it too: YAML 1.1 keeps the written one,
 * Go's yaml (kubectl) the one that comes last, so the file means two things. Returns that key.
 */
function mergedAndWritten(doc: Document.Parsed, map: YAMLMap): string | undefined {
  const isMerge = (pair: Pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol';
  for (const [at, pair] of map.items.entries()) {
    if (!isMerge(pair)) continue;
    // A key written after the merge wins for both; only one written before it is read two ways.
    const before = new Set(
      map.items
        .slice(0, at)
        .filter((p) => !isMerge(p) && isScalar(p.key))
        .map((p) => String((p.key as Scalar).value)),
    );
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const merged = (isAlias(source) ? source.resolve(doc) : source) as unknown;
      if (!isMap(merged)) continue;
      const key = merged.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).find((k) => before.has(k));
      if (key) return key;
    }
  }
  return undefined;
}

/** `<namespace>/<name>`, which --deployment takes where a bare name is shared by Deployments of several namespaces. */
const qualified = (o: Obj) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

function findDeployment(objects: Obj[], wanted: string | undefined): number {
  const deployments = objects.flatMap((o, i) => (o?.kind === 'Deployment' ? [i] : []));
  const nameOf = (i: number) => String(objects[i]!.metadata?.name);
  // Named as --deployment takes them: the name, or with its namespace where the name alone is not one.
  const labelOf = (i: number) => (deployments.filter((j) => nameOf(j) === nameOf(i)).length > 1 ? qualified(objects[i]!) : nameOf(i));
  const names = deployments.map(labelOf);
  if (wanted !== undefined) {
    const matching = deployments.filter((i) => (wanted.includes('/') ? qualified(objects[i]!) : nameOf(i)) === wanted);
    if (matching.length === 0) throw new AddRefusal({ code: 'noSuchDeployment', name: wanted, names: names.join(', ') || '-' });
    if (matching.length > 1) throw new AddRefusal({ code: 'severalDeployments', names: matching.map(labelOf).join(', ') });
    return matching[0]!;
  }
  if (deployments.length === 0) throw new AddRefusal({ code: 'noDeployment' });
  if (deployments.length > 1) throw new AddRefusal({ code: 'severalDeployments', names: names.join(', ') });
  return deployments[0]!;
}

/** What the helpers add to the pod, as additions to the YAML, in the order they are made. */
function additionsFor(deployment: Obj, parts: HelperPart[], options: ProjectOptions): Addition[] {
  const native = options.sidecarMode === 'native';
  const main = mainContainer(deployment)!;
  const app = [...POD, 'containers', main.index];
  const has = (list: Obj[] | undefined, name: string) => (list ?? []).some((e) => e?.name === name);
  const env = parts.flatMap((p) => Object.entries(p.app.env)).filter(([name]) => !has(main.container.env, name));
  const annotations = Object.assign({}, ...parts.map((p) => p.annotations)) as Record<string, string>;
  const template = deployment.spec.template;
  if (template.metadata?.annotations?.[DEFAULT_CONTAINER] === undefined) annotations[DEFAULT_CONTAINER] = String(main.container.name);
  for (const key of Object.keys(annotations)) if (template.metadata?.annotations?.[key] !== undefined) delete annotations[key];
  const helpers = parts.map((p) => renderContainer(p.container, options, native));
  const volumes = parts.flatMap((p) => p.volumes).map((v) => ({ name: v.name, emptyDir: { sizeLimit: v.sizeLimit } }));
  const mounts = parts
    .flatMap((p) => p.app.mounts)
    .map((m) => ({ name: m.volume, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}) }));
  const additions: Addition[] = [];
  if (Object.keys(annotations).length)
    additions.push({ kind: 'keys', path: ['spec', 'template', 'metadata', 'annotations'], entries: annotations });
  if (env.length) additions.push({ kind: 'items', path: [...app, 'env'], items: env.map(([name, value]) => ({ name, value })) });
  if (mounts.length) additions.push({ kind: 'items', path: [...app, 'volumeMounts'], items: mounts });
  additions.push({
    kind: 'items',
    path: [...POD, native ? 'initContainers' : 'containers'],
    items: helpers,
    ...(native ? { before: 'containers' } : {}),
  });
  if (volumes.length) additions.push({ kind: 'items', path: [...POD, 'volumes'], items: volumes });
  return additions;
}

/** The same additions made to the parsed object: what the edited text must read back as. */
function applyToObject(object: Obj, additions: Addition[]): Obj {
  const result = structuredClone(object);
  for (const a of additions) {
    let parent: Obj = result;
    for (const key of a.path.slice(0, -1)) parent = parent[key] ??= {};
    const last = a.path.at(-1)!;
    if (a.kind === 'items') parent[last] = [...(parent[last] ?? []), ...structuredClone(a.items)];
    else parent[last] = { ...(parent[last] ?? {}), ...structuredClone(a.entries) };
  }
  return result;
}

function podDesignFindings(objects: Obj[], lang: Lang) {
  return lintDocuments(
    objects.filter((o) => o && typeof o === 'object').map((object) => ({ object })),
    { lang },
  )
    .filter((f) => findCheck(f.check)?.family === 'pod-design')
    .map((f) => `${f.check}: ${f.object}${f.container ? `/${f.container}` : ''}: ${f.message}`);
}

export function addHelpersToManifest(text: string, request: EditRequest): ManifestEdit {
  const docs = parse(text);
  const objects = docs.map((d) => d.toJS() as Obj);
  const at = findDeployment(objects, request.deployment);
  const deployment = objects[at]!;
  if (!deployment.spec?.template?.spec) throw new AddRefusal({ code: 'noAppContainer', deployment: String(deployment.metadata?.name) });
  const before = helpersIn(deployment);
  const options = optionsOf(deployment, [...new Set([...before, ...request.helpers])], request);
  const parts = request.helpers.map((h) => HELPERS[h](options));
  assertHelpersFit(deployment, parts);

  const additions = additionsFor(deployment, parts, options);
  const layout = detectLayout(text, docs[at]!, [...POD, 'containers']);
  let edited = text;
  for (const addition of additions) edited = insertOrRefuse(edited, at, addition, layout);
  // Read back: the file must say exactly what was meant, and nothing else may have moved.
  const after = parseAllDocuments(edited, { merge: true }).map((d) => d.toJS() as Obj);
  const expected = objects.map((o, i) => (i === at ? applyToObject(o, additions) : o));
  if (!isDeepStrictEqual(after, expected)) throw new Error('add: the edited YAML does not read back as intended (please report this file)');

  try {
    new Deployment(after[at] as never).validate();
  } catch (error) {
    throw new AddRefusal({ code: 'schema', message: (error as Error).message });
  }
  const known = new Set(podDesignFindings(objects, request.lang));
  const found = podDesignFindings(after, request.lang).filter((f) => !known.has(f));
  if (found.length) throw new AddRefusal({ code: 'podDesign', findings: found.join('\n  ') });
  return { text: edited, options, parts, before };
}
