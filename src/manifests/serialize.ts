import { Model } from '@kubernetes-models/base';
import { Document, isMap, isScalar, type Node } from 'yaml';
import type { manifests as ManifestText } from '../i18n/en/manifests.js';
import type { ContainerSpec } from '../patterns/types.js';
import { type CommentPoint, commentPoints } from './comments.js';
import type { ManifestFile } from './project-manifests.js';

export interface SerializeContext {
  /** The words of the comments, in the reader's language. */
  text: typeof ManifestText;
  /** Every container the project describes: what YAML alone cannot say about them. */
  containers: readonly ContainerSpec[];
  /** The names of the Services the project creates (none known: no comment points one out). */
  services?: readonly string[];
}

/** Multi-document YAML; objects are serialized, never templated, and commented through the Document API. */
export function serializeManifest(file: ManifestFile, context?: SerializeContext): string {
  // What the comments may say: the same for every object of the file.
  const commentContext = context && {
    containers: context.containers,
    services: context.services ?? [],
    folder: file.path.split('/').slice(0, -1).join('/'),
  };
  return file.objects
    .map((o) => {
      const json = (o instanceof Model ? o.toJSON() : o) as Record<string, unknown>;
      const doc = new Document(json, { aliasDuplicateObjects: false });
      if (context && commentContext) for (const point of commentPoints(json, commentContext, context.text)) attach(doc, point);
      // No directives: a document built from an object has none to print (no %YAML, no %TAG),
      // and looking for tags to declare walks every node of it once more.
      return doc.toString({ lineWidth: 0, directives: false });
    })
    .join('---\n');
}

/** A comment before the key a path ends in, or before the list item it ends in. */
function attach(doc: Document, { path, text }: CommentPoint): void {
  const last = path.at(-1)!;
  const comment = text
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  if (typeof last === 'number') {
    const item = doc.getIn(path, true) as Node | undefined;
    if (item) item.commentBefore = comment;
    return;
  }
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
}
