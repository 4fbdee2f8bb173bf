/**
 * Lint files and folders in a language, for the command: the loader (load.ts) finds and
 * parses the files, this runs the checks with the reader's words and options.
 */
import { readFile } from 'node:fs/promises';
import { podDesignFirst, lintDocuments, type LintOptions } from './lint.js';
import { collectFiles, LintPathError, parseManifests, type LintResult } from './load.js';
import { isObj, list, str, type LintInput } from './model.js';
import type { Finding } from './types.js';

function countObjects(value: unknown): number {
  if (!isObj(value) || str(value.kind) === undefined) return 0;
  return value.kind === 'List' ? list(value.items).reduce((n, item) => n + countObjects(item), 0) : 1;
}

export async function lintFiles(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const files = await collectFiles(paths);
  const inputs: LintInput[] = [];
  // A file that does not parse is reported whatever --only says: nothing in it was checked.
  const syntaxFindings: Finding[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new LintPathError(`${file}: ${error.message}`);
    });
    const parsed = parseManifests(text, file);
    inputs.push(...parsed.inputs);
    syntaxFindings.push(...parsed.findings);
  }
  return {
    findings: podDesignFirst([...syntaxFindings, ...lintDocuments(inputs, options)]),
    files: files.length,
    objects: inputs.reduce((n, input) => n + countObjects(input.object), 0),
  };
}
