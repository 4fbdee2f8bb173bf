import { Model } from '@kubernetes-models/base';
import { stringify } from 'yaml';
import type { ManifestFile } from './project-manifests.js';

/** Multi-document YAML; objects are serialized, never templated. */
export function serializeManifest(file: ManifestFile): string {
  return file.objects
    .map((o) => stringify(o instanceof Model ? o.toJSON() : o, { lineWidth: 0, aliasDuplicateObjects: false }))
    .join('---\n');
}
