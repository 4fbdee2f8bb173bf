/**
 * Adds to one document of a multi-document YAML text by inserting text, never by printing the
 * document again: the user's spacing, comments, quoting, anchors and the other documents stay
 * byte for byte, and only the added lines are new. A collection that cannot take a plain
 * insertion (a flow one such as `[]`, an alias) is reported, so the caller can decide.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node, visit, type YAMLMap } from 'yaml';

export type YamlPath = (string | number)[];

/** Something added: items at the end of a list, or keys at the end of a map (or before `before`). */
export type Addition =
  | { kind: 'items'; path: YamlPath; items: unknown[]; before?: string }
  | { kind: 'keys'; path: YamlPath; entries: Record<string, unknown>; before?: string };

export class CannotInsert extends Error {
  constructor(
    readonly reason: 'alias' | 'flow' | 'notCollection' | 'merge',
    readonly path: YamlPath,
  ) {
    super(`${reason} at ${path.join('.')}`);
  }
}

/** The user's indentation: its width, and whether list items sit deeper than their key. */
export interface Layout {
  indent: number;
  indentSeq: boolean;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
/** The column of `at`; a byte order mark at the file's start takes none (it is not indentation). */
const column = (text: string, at: number) => {
  const start = lineStart(text, at);
  return at - start - (start === 0 && text.startsWith('\uFEFF') && at > 0 ? 1 : 0);
};
/** The file's line ending: what is added uses it too, so a CRLF file does not get LF lines. */
const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
/** The start of the line after the one holding `at - 1`, the end of a node's value. */
function lineAfter(text: string, end: number): number {
  // A range that runs over trailing comments ends in the next line's indentation: the node ended at that line's start.
  const start = lineStart(text, end);
  if (text.slice(start, end).trim() === '') return start;
  const nl = text.indexOf('\n', Math.max(end - 1, 0));
  return nl === -1 ? text.length : nl + 1;
}

function render(value: unknown, at: number, layout: Layout): string {
  const body = new Document(value, { aliasDuplicateObjects: false }).toString({
    indent: layout.indent,
    indentSeq: layout.indentSeq,
    lineWidth: 0,
  });
  const pad = ' '.repeat(at);
  return body
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/**
 * An empty `key:` (nothing after it but a comment) gets its value on the lines below it, one
 * step deeper. One written `key: ~` or `key: null` says so on purpose: not rewritten.
 */
function fillEmptyKey(text: string, doc: Document.Parsed, addition: Addition, layout: Layout): string {
  const node = doc.getIn(addition.path, true) as Node;
  const parent = doc.getIn(addition.path.slice(0, -1), true);
  const pair =
    isMap(parent) && !parent.flow ? parent.items.find((p) => isScalar(p.key) && p.key.value === addition.path.at(-1)) : undefined;
  const key = pair?.key as Node | undefined;
  if (!isScalar(node) || node.source !== '' || !key?.range) throw new CannotInsert('flow', addition.path);
  const keyColumn = column(text, key.range[0]);
  const newline = text.indexOf('\n', key.range[0]);
  const at = newline === -1 ? text.length : newline + 1;
  const rendered =
    addition.kind === 'items'
      ? render(addition.items, keyColumn + (layout.indentSeq ? layout.indent : 0), layout)
      : render(addition.entries, keyColumn + layout.indent, layout);
  return text.slice(0, at) + ensureNewline(text, at) + withEol(rendered, text) + text.slice(at);
}

/** Where a new key goes before `before`: above the comment lines that belong to that key. */
function startOfKeyWithComments(text: string, keyStart: number): number {
  let at = lineStart(text, keyStart);
  for (;;) {
    const prev = lineStart(text, at - 1);
    if (at === 0 || !text.slice(prev, at).trim().startsWith('#')) return at;
    at = prev;
  }
}

/** The text with one addition made in document `index`. */
export function insert(text: string, index: number, addition: Addition, layout: Layout): string {
  // Merge keys (<<) read as kubectl reads them (YAML 1.1, as Go's yaml does).
  const doc = parseAllDocuments(text, { merge: true })[index] as Document.Parsed;
  const node = doc.getIn(addition.path, true) as Node | undefined;
  assertNotAliased(doc, addition.path);
  if (node === undefined || (isScalar(node) && node.value === null)) {
    // The collection is missing (or an empty `key:`): add it as a key of its parent.
    const last = addition.path.at(-1);
    if (typeof last !== 'string') throw new CannotInsert('notCollection', addition.path);
    assertNotMerged(doc, addition.path.slice(0, -1), [last]);
    const value = addition.kind === 'items' ? addition.items : addition.entries;
    if (node !== undefined) return fillEmptyKey(text, doc, addition, layout);
    return insert(
      text,
      index,
      { kind: 'keys', path: addition.path.slice(0, -1), entries: { [last]: value }, before: addition.before },
      layout,
    );
  }
  if (isAlias(node)) throw new CannotInsert('alias', addition.path);
  if (addition.kind === 'items') {
    if (!isSeq(node)) throw new CannotInsert('notCollection', addition.path);
    if (node.flow || node.items.length === 0 || !node.range) throw new CannotInsert('flow', addition.path);
    const at = lineAfter(text, node.range[1]);
    const dash = column(text, node.range[0]);
    return text.slice(0, at) + ensureNewline(text, at) + withEol(render(addition.items, dash, layout), text) + text.slice(at);
  }
  if (!isMap(node)) throw new CannotInsert('notCollection', addition.path);
  const map = node as YAMLMap<Node, Node>;
  assertNotMerged(doc, addition.path, Object.keys(addition.entries));
  const first = map.items[0]?.key as Node | undefined;
  if (map.flow || !first?.range || !map.range) throw new CannotInsert('flow', addition.path);
  const keyColumn = column(text, first.range[0]);
  const beforePair = addition.before ? map.items.find((p) => isScalar(p.key) && p.key.value === addition.before) : undefined;
  const at =
    beforePair?.key && (beforePair.key as Node).range
      ? startOfKeyWithComments(text, (beforePair.key as Node).range![0])
      : lineAfter(text, map.range[1]);
  return text.slice(0, at) + ensureNewline(text, at) + withEol(render(addition.entries, keyColumn, layout), text) + text.slice(at);
}

/**
 * Refuses an addition inside something an alias stands for: the collection itself or any
 * collection around it (a container anchored `&app` and aliased elsewhere, say), as what is
 * added would show up where the alias is too.
 */
function assertNotAliased(doc: Document.Parsed, path: YamlPath): void {
  const aliased = new Set<string>();
  visit(doc, {
    Alias(_, alias) {
      aliased.add(alias.source);
    },
  });
  if (aliased.size === 0) return;
  for (let depth = 0; depth <= path.length; depth++) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const anchor = (node as { anchor?: string } | null | undefined)?.anchor;
    if (anchor && aliased.has(anchor)) throw new CannotInsert('alias', path);
  }
}

/**
 * A key written into a map that merges another (`<<: *base`) replaces the merged value of that
 * key: what the user merged in would be lost without a word. So a key the merge already gives is refused.
 */
function assertNotMerged(doc: Document.Parsed, path: YamlPath, keys: string[]): void {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map) || !map.items.some((pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol')) return;
  let merged: unknown = doc.toJS();
  for (const step of path) merged = (merged as Record<string | number, unknown> | undefined)?.[step];
  if (keys.some((key) => (merged as Record<string, unknown> | undefined)?.[key] !== undefined))
    throw new CannotInsert('merge', [...path, keys[0]!]);
}

/** A file whose last line has no newline gets one before what is added after it. */
function ensureNewline(text: string, at: number): string {
  return at > 0 && text[at - 1] !== '\n' ? eolOf(text) : '';
}

const withEol = (added: string, text: string) => (eolOf(text) === '\n' ? added : added.replace(/\n/g, '\r\n'));

/** The layout of a document: the indent of the pod spec under `spec`, and how its lists sit. */
export function detectLayout(text: string, doc: Document.Parsed, seqPath: YamlPath): Layout {
  const root = doc.contents;
  let indent = 2;
  if (isMap(root)) {
    const spec = root.get('spec', true) as Node | undefined;
    const key = isMap(spec) ? (spec.items[0]?.key as Node | undefined) : undefined;
    if (key?.range && root.range) indent = column(text, key.range[0]) - column(text, root.range[0]) || 2;
  }
  const seq = doc.getIn(seqPath, true) as Node | undefined;
  const parent = doc.getIn(seqPath.slice(0, -1), true);
  const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === seqPath.at(-1)) : undefined;
  const key = pair?.key as Node | undefined;
  const indentSeq = isSeq(seq) && !seq.flow && seq.range && key?.range ? column(text, seq.range[0]) > column(text, key.range[0]) : true;
  return { indent, indentSeq };
}
