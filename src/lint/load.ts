/**
 * Reading manifests from disk. A YAML syntax error is reported as a finding
 * (check `yaml-syntax`), not thrown: one broken file must not hide what is wrong in the
 * others, and the generator refuses on it like on any finding. A path that does not
 * exist, or a folder with no YAML in it, is a usage mistake and throws LintPathError.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintDocuments, podDesignFirst, type LintOptions } from './lint.js';
import { isObj, list, str, type LintInput } from './model.js';
import { lintText, type LintText } from './text.js';
import type { Finding } from './types.js';

type LoaderText = LintText['loader'];

/** Id of the loader's own finding; it is not a registry check. */
export const YAML_SYNTAX_CHECK = 'yaml-syntax';

export class LintPathError extends Error {
  override name = 'LintPathError';
}

export interface LintResult {
  findings: Finding[];
  /** YAML files read. */
  files: number;
  /** Kubernetes objects (documents with a `kind`; List items count one each) read. */
  objects: number;
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * Linked folders are followed, each real folder read once: a link back up the tree
 * (`k8s/all -> ..`) would otherwise be walked until the path grew too long.
 */
async function yamlFilesUnder(dir: string, visited = new Set<string>()): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory());
    if (isDir) files.push(...(await yamlFilesUnder(path, visited)));
    else if (YAML_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/** The files to read: given files as they are (any extension), folders searched for *.yaml/*.yml. */
export async function collectFiles(paths: readonly string[], t: LoaderText = lintText('en').loader): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new LintPathError(error.code === 'ENOENT' ? t.noSuchPath({ path }) : t.unreadable({ path, reason: error.message }));
    });
    if (info.isDirectory()) {
      const found = await yamlFilesUnder(path);
      if (found.length === 0) throw new LintPathError(t.noYamlInFolder({ path }));
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
}

function countObjects(value: unknown): number {
  if (!isObj(value) || str(value.kind) === undefined) return 0;
  return value.kind === 'List' ? list(value.items).reduce((n, item) => n + countObjects(item), 0) : 1;
}

/** Parse one file's text into objects, and syntax findings for documents that do not parse. */
export function parseManifests(
  text: string,
  source: string,
  t: LoaderText = lintText('en').loader,
): { inputs: LintInput[]; findings: Finding[] } {
  const inputs: LintInput[] = [];
  const findings: Finding[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    const syntax = (message: string) =>
      findings.push({
        check: YAML_SYNTAX_CHECK,
        severity: 'error',
        object: `document ${index + 1}`,
        message: t.yamlSyntax({ error: message }),
        fix: t.yamlSyntaxFix,
        source,
      });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) syntax(error.message.split('\n')[0]!.replace(/:\s*$/, ''));
      return;
    }
    try {
      const object: unknown = doc.toJS();
      if (object !== null && object !== undefined) inputs.push({ object, source });
    } catch (error) {
      syntax(error instanceof Error ? error.message : String(error));
    }
  });
  return { inputs, findings };
}

/**
 * Lint files and folders together, so Services are matched against the Deployments beside
 * them, in the reader's language and with only the families asked for.
 */
export async function lintPaths(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const t = lintText(options.lang).loader;
  if (paths.length === 0) throw new LintPathError(t.nothingToLint);
  const files = await collectFiles(paths, t);
  const inputs: LintInput[] = [];
  // A file that does not parse is reported whatever --only says: nothing in it was checked.
  const syntaxFindings: Finding[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new LintPathError(t.unreadable({ path: file, reason: error.message }));
    });
    const parsed = parseManifests(text, file, t);
    inputs.push(...parsed.inputs);
    syntaxFindings.push(...parsed.findings);
  }
  return {
    findings: podDesignFirst([...syntaxFindings, ...lintDocuments(inputs, options)]),
    files: files.length,
    objects: inputs.reduce((n, input) => n + countObjects(input.object), 0),
  };
}
