import { parseArgs } from 'node:util';
import type { RawOptions } from './options.js';
import { UsageError } from './usage-error.js';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'lint'; argv: string[] }
  | { kind: 'generate'; options: RawOptions };

export const HELP = `Usage: create-pod-pattern [directory] [options]
       create-pod-pattern lint <file or folder...> [--format text|json]

Scaffold a Kubernetes pod pattern that works on the first try.

Options:
  -p, --pattern <p>       singleton | sidecar | ambassador | adapter   (asked)
      --lang <l>          en | ko: README, manifest comments, messages (from LANG: ko* gives ko)
  -n, --name <name>       workload name, a DNS-1123 label         (directory's base name)
      --namespace <ns>    namespace for every object               (none: the context's)
      --port <n>          the app container's port                 (8080)
      --replicas <n>      Deployment replicas                      (1)
      --sidecar-mode <m>  native | classic                         (native; classic for podman)
      --target <t>        kind | minikube | k3d | docker-desktop | podman   (kind)
      --image-prefix <s>  prefix of every image name               (local/)
  -y, --yes               take the default for everything not given; never prompt
      --force             write into a non-empty directory: the files the project
                          generates are replaced, all others kept; all or nothing
      --dry-run           print what would be written; write nothing
  -h, --help              show this help
  -v, --version           show the version

Examples:
  npx create-pod-pattern my-service --pattern sidecar --yes
  npm create pod-pattern@latest my-service -- --pattern adapter --namespace demo
`;

const FLAGS = {
  pattern: { type: 'string', short: 'p' },
  lang: { type: 'string' },
  name: { type: 'string', short: 'n' },
  namespace: { type: 'string' },
  port: { type: 'string' },
  replicas: { type: 'string' },
  'sidecar-mode': { type: 'string' },
  target: { type: 'string' },
  'image-prefix': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function explain(error: unknown): string {
  const message = (error as Error).message;
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}; run with --help to see the options`;
  const missing = /Option '(--?[\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return `option ${missing[1]} needs a value, e.g. ${missing[1]} <value>`;
  return `${message}; run with --help to see the options`;
}

export function parseCommandLine(argv: string[]): Command {
  if (argv[0] === 'lint') return { kind: 'lint', argv: argv.slice(1) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length > 1)
    throw new UsageError(`expected one directory, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(' ')}`);
  const options: RawOptions = {
    directory: positionals[0],
    pattern: values.pattern,
    lang: values.lang,
    name: values.name,
    namespace: values.namespace,
    port: values.port,
    replicas: values.replicas,
    sidecarMode: values['sidecar-mode'],
    target: values.target,
    imagePrefix: values['image-prefix'],
    yes: values.yes ?? false,
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
  };
  for (const key of Object.keys(options) as (keyof RawOptions)[]) if (options[key] === undefined) delete options[key];
  return { kind: 'generate', options };
}
