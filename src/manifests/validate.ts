import { Model } from '@kubernetes-models/base';
// Not the lint barrel: it would pull the YAML parser and the lint command into every scaffold.
import { formatFinding } from '../lint/format.js';
import { lintDocuments } from '../lint/lint.js';
import { lintText } from '../lint/text.js';
import { catalog } from '../i18n/catalog.js';
import type { Lang } from '../i18n/lang.js';
import type { ManifestFile } from './project-manifests.js';

export class ManifestError extends Error {
  constructor(
    readonly problems: string[],
    lang: Lang = 'en',
  ) {
    super(`${catalog(lang).cli.outcome.invalidManifests}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Schema first (kubernetes-models' OpenAPI validation), then the linter with every
 * check, the pod rules included (one port per pod, mounts of declared volumes), less the
 * findings a design is built to show (`expectedFindings`, which must all be there). Reported in
 * the reader's language; a schema's own message is the validator's, in English.
 */
export function validateManifests(files: ManifestFile[], lang: Lang = 'en', expectedFindings: readonly string[] = []): void {
  const problems: string[] = [];
  const documents = files.flatMap((file) =>
    file.objects.map((object) => {
      if (object instanceof Model) {
        try {
          object.validate();
        } catch (error) {
          const json = object.toJSON() as { kind?: string; metadata?: { name?: string } };
          problems.push(`${file.path}: ${json.kind}/${json.metadata?.name}: ${(error as Error).message}`);
        }
      }
      return { object: object instanceof Model ? object.toJSON() : object, source: file.path };
    }),
  );
  // A design built to be wrong (the anti-pattern) must show exactly the findings it teaches, and nothing else.
  const findings = lintDocuments(documents, { lang });
  for (const finding of findings.filter((f) => !expectedFindings.includes(f.check))) problems.push(formatFinding(finding, lintText(lang)));
  for (const check of expectedFindings.filter((id) => !findings.some((f) => f.check === id)))
    problems.push(catalog(lang).cli.outcome.expectedFinding({ folder: files[0]?.path.split('/')[0] ?? '?', check }));
  if (problems.length) throw new ManifestError(problems, lang);
}
