/**
 * `create-pod-pattern add <helper[,helper...]> [--to <file.yaml>] [--deployment <name>]
 * [--sidecar-mode native|classic] [--dry-run] [--lang en|ko]`: reads, plans (pure), then shows
 * a diff or writes. Exit status: 0 done, 2 bad usage or a conflict (nothing written), 1 other.
 */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalog } from '../i18n/catalog.js';
import { isLang, langFromEnv, type Lang } from '../i18n/lang.js';
import { containersToBuild, HELPER_NAMES, helpersOf, lessonOfProject } from '../patterns/index.js';
import { containerFolderFiles, type PlannedFile } from '../plan/project-plan.js';
import { describeRefusal, isRestoreFailure, isTargetRefusal } from '../write/write-error.js';
import { writeProject } from '../write/write-project.js';
import { appNeeds } from './app-needs.js';
import { addHelpersToManifest, type ManifestEdit } from './edit-manifest.js';
import { DEPLOYMENT_FILE, planProjectEdit } from './project-edit.js';
import { AddRefusal, describeAddRefusal } from './refusal.js';
import { unifiedDiff } from './unified-diff.js';
import { lockFileFolder, removeKilledTemporaries, replaceFile } from './write-file.js';

export interface AddIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

const OPTIONS = {
  to: { type: 'string' },
  deployment: { type: 'string' },
  'sidecar-mode': { type: 'string' },
  'dry-run': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const readOrNothing = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The manifest's text, or a refusal: missing, a folder, a link (never written through), not UTF-8 (never rewritten unread). */
function readManifest(file: string, shown: string): string {
  let bytes: Buffer;
  try {
    const stats = lstatSync(file);
    if (stats.isDirectory()) throw new AddRefusal({ code: 'notAFile', file: shown });
    if (stats.isSymbolicLink()) throw new AddRefusal({ code: 'manifestIsLink', file: shown });
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof AddRefusal) throw error;
    throw new AddRefusal({ code: 'noFile', file: shown });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new AddRefusal({ code: 'notUtf8', file: shown, offset: firstNonUtf8(bytes) });
  }
}

/** Where the first byte that does not decode as UTF-8 is. */
function firstNonUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let good = 0;
  for (let end = 1; end <= bytes.length; end++) {
    try {
      decoder.decode(bytes.subarray(good, end));
      good = end;
    } catch {
      // An incomplete sequence may complete with the next byte; one that cannot is the answer.
      if (end - good >= 4 || end === bytes.length) return good;
    }
  }
  return good;
}

/** A file replaced keeps its permissions (a private manifest stays private). */
function withModesKept(base: string, files: PlannedFile[]): PlannedFile[] {
  return files.map((f) => {
    if (f.mode !== undefined) return f;
    try {
      return { ...f, mode: statSync(join(base, f.path)).mode & 0o7777 };
    } catch {
      return f;
    }
  });
}

/** A generated project holds k8s/kustomization.yaml and containers/app beside the Deployment's k8s/. */
function projectRootOf(file: string): string | undefined {
  const root = dirname(dirname(file));
  const isProject =
    relative(root, file) === DEPLOYMENT_FILE &&
    existsSync(join(root, 'k8s/kustomization.yaml')) &&
    existsSync(join(root, 'containers/app'));
  return isProject ? root : undefined;
}

/** The project's language (its README's) and target (package.json's config.target). */
function projectFacts(root: string) {
  const readme = readOrNothing(join(root, 'README.md')) ?? '';
  const lang: Lang = /[\uac00-\ud7a3]/.test(readme) ? 'ko' : 'en';
  let target: string | undefined;
  try {
    target = JSON.parse(readOrNothing(join(root, 'package.json')) ?? '{}').config?.target;
  } catch {
    target = undefined;
  }
  const targets = ['kind', 'minikube', 'k3d', 'docker-desktop', 'podman'] as const;
  return { lang, target: targets.find((t) => t === target) ?? 'kind' };
}

/** The arguments, or a refusal saying which option is unknown or lacks its value. */
function parseAddArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? String(error);
    const code = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'unknownOption' : 'missingValue';
    throw new AddRefusal({ code, option });
  }
}

/** The code, tests and Dockerfile of each added helper's containers (the ambassador's demo upstream too). */
function helperFolders(edit: ManifestEdit): PlannedFile[] {
  const added = { containers: edit.parts.map((p) => p.container), companions: edit.parts.flatMap((p) => p.companions) };
  return containerFolderFiles(containersToBuild(added), edit.options);
}

export async function runAddCommand(argv: string[], io: AddIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loose = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true }).values.lang;
  const lang: Lang = isLang(loose) ? loose : langFromEnv(io.env ?? process.env);
  const t = catalog(lang).add;
  const refuse = (message: string) => (io.stderr(`create-pod-pattern add: ${message}\n`), 2);
  try {
    if (typeof loose === 'string' && !isLang(loose)) throw new AddRefusal({ code: 'badLang', value: loose });
    const { values, positionals } = parseAddArgs(argv);
    if (values.help) return (io.stdout(t.usage), 0);
    if (positionals.length === 0) throw new AddRefusal({ code: 'noHelpers' });
    const asked = positionals.join(',');
    const helpers = helpersOf(asked);
    if (!helpers || helpers.length === 0) throw new AddRefusal({ code: 'unknownHelper', value: asked, helpers: HELPER_NAMES.join(', ') });
    const mode = values['sidecar-mode'];
    if (mode !== undefined && mode !== 'native' && mode !== 'classic') throw new AddRefusal({ code: 'badSidecarMode', value: mode });

    // A lesson (the anti-pattern project) holds no pattern pod for a helper to join.
    const lesson = lessonOfProject((path) => existsSync(join(cwd, path)));
    if (lesson) throw new AddRefusal({ code: 'lessonProject', ...lesson });
    const shown = values.to ?? DEPLOYMENT_FILE;
    const file = resolve(cwd, shown);
    const root = projectRootOf(file);
    const project = root ? projectFacts(root) : undefined;
    // A manifest the generator did not make: the helpers' code goes beside it, in the folder the
    // command runs in (containers/<helper>/, as a generated project has it), unless one is there.
    const looseRoot = !root && !relative(cwd, file).startsWith('..') ? cwd : undefined;
    const base = root ?? looseRoot ?? dirname(file);

    /** Reads the manifest and plans every file: when writing, under the lock and once an interrupted run is undone. */
    const plan = () => {
      const text = readManifest(file, shown);
      const edit = addHelpersToManifest(text, { helpers, deployment: values.deployment, lang, sidecarMode: mode, target: project?.target });
      let appIsTheirs = !root;
      const files: PlannedFile[] = root
        ? (() => {
            const planned = planProjectEdit(
              (path) => readOrNothing(join(root, path)),
              (path) => existsSync(join(root, path)),
              edit,
              project!,
            );
            for (const path of planned.kept) io.stderr(`${t.outcome.kept({ path })}\n`);
            appIsTheirs = planned.appIsTheirs;
            return planned.files;
          })()
        : looseRoot
          ? [
              { path: relative(looseRoot, file), content: edit.text },
              // A folder already there is the user's: nothing is added into it.
              ...helperFolders(edit).filter((f) => !existsSync(join(looseRoot, f.path.split('/').slice(0, 2).join('/')))),
            ]
          : [{ path: basename(file), content: edit.text }];
      // An app of the generator's gets the helpers' parts; one of the user's needs telling what to do.
      return { edit, files: withModesKept(base, files), needs: appIsTheirs ? appNeeds(edit, t.appNeeds) : '' };
    };

    if (values['dry-run']) {
      const { files, needs } = plan();
      for (const f of files)
        io.stdout(unifiedDiff(relative(cwd, join(base, f.path)) || f.path, readOrNothing(join(base, f.path)), f.content));
      io.stdout(`${t.outcome.dryRun}\n${needs}`);
      return 0;
    }
    // No lock is taken in a folder that is not there (the file is read, and refused, under the lock:
    // a run killed there may have it aside, for this run to put back first).
    if (!existsSync(dirname(file))) throw new AddRefusal({ code: 'noFile', file: shown });
    let planned: ReturnType<typeof plan> | undefined;
    const planOnce = () => {
      planned = plan();
      return planned;
    };
    if (root || looseRoot) {
      // The file's own folder is locked too when it is not the one written into, so a run
      // naming the file from there (or from above) cannot edit it at the same time.
      const unlockFileFolder = resolve(base) === dirname(file) ? undefined : await lockFileFolder(file, dirname(shown));
      try {
        await writeProject(
          base,
          () => {
            removeKilledTemporaries(file);
            return planOnce().files;
          },
          { force: true },
        );
      } finally {
        unlockFileFolder?.();
      }
    } else await replaceFile(file, () => planOnce().edit.text, dirname(shown));
    const { files, needs } = planned!;
    io.stdout(
      `${t.outcome.added({ helpers: helpers.join(', '), file: shown })}\n${t.outcome.wrote({ count: files.length })}\n${needs || `${t.outcome.nextSteps}\n`}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AddRefusal) return refuse(describeAddRefusal(error.reason, t.refusals));
    if (isTargetRefusal(error)) return refuse(describeRefusal(error.reason, catalog(lang).cli.refusals));
    if (isRestoreFailure(error)) {
      io.stderr(`create-pod-pattern add: ${catalog(lang).cli.outcome.restoreFailed(error.reason)}\n`);
      return 1;
    }
    io.stderr(`create-pod-pattern add: ${(error as Error).message ?? error}\n${catalog(lang).cli.outcome.nothingWritten}\n`);
    return 1;
  }
}
