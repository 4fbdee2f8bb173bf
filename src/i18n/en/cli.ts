/**
 * Everything the generator's command line says to a person, in English: the source every
 * other language translates. Option names, pattern names, check ids and file names are not
 * words to translate; they appear here as they are typed.
 */

const q = (value: string) => JSON.stringify(value);

/** The pod lesson behind every port refusal. */
const SHARED_NETWORK = 'The containers of one pod share one network, so no two of them may bind the same port.';

export const cli = {
  help: `Usage: create-pod-pattern [directory] [options]
       create-pod-pattern lint <files or folders...> [--format text|json] [--only <family>[,<family>...]] [--lang en|ko]
       create-pod-pattern add <helper[,helper...]> [--to <file.yaml>] [--deployment <name>] [--dry-run] [--lang en|ko]

Scaffold a Kubernetes pod pattern that works on the first try.

Options:
  -p, --pattern <p>       singleton | sidecar | ambassador | adapter   (asked)
                          or several helpers in one pod: sidecar,adapter
                          or anti-pattern: what NOT to do, web + app + database
                          in one pod, beside the fix, with \`npm run demo\`
      --lang <l>          en | ko: prompts, messages, README, manifest comments
                          (from LC_ALL, LC_MESSAGES or LANG: ko* gives ko)
  -n, --name <name>       workload name, a DNS-1123 label         (directory's base name)
      --namespace <ns>    namespace for every object               (none: the context's)
      --port <n>          the app container's port                 (8080)
                          (anti-pattern: not 8000 or 7000, the web's and the db's)
      --replicas <n>      Deployment replicas                      (1)
      --sidecar-mode <m>  native | classic: helpers as native sidecars (init containers
                          with restartPolicy: Always, Kubernetes 1.29+) or as ordinary
                          containers                                (native; classic for podman)
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
  npx create-pod-pattern shop --pattern anti-pattern --yes
  npx create-pod-pattern lint k8s/ --only pod-design
`,

  /** What each prompt asks, and the labels of its choices. */
  prompts: {
    lang: 'Language of the prompts, the messages and the generated project',
    langChoices: { en: 'English', ko: '한국어 (Korean)' },
    directory: 'Project directory',
    pattern: 'Which helpers go beside the app? (space picks, enter goes on; none: a singleton)',
    patterns: {
      singleton: 'singleton: one app container',
      sidecar: 'sidecar logger: app + log-shipper on a shared volume',
      ambassador: 'ambassador proxy: app + loopback proxy with failover',
      adapter: 'adapter monitor: app + Prometheus adapter',
      'anti-pattern': 'anti-pattern, what NOT to do: web + app + database in one pod, beside the fix (pick it alone)',
    },
    name: 'Workload name (DNS-1123 label)',
    namespace: "Namespace (empty: the current context's)",
    port: "The app container's port",
    replicas: 'Replicas',
    target: 'Local cluster the deploy script aims at first',
    sidecarMode: 'Start the helpers as native sidecars (Kubernetes 1.29+) or as ordinary containers?',
    sidecarModes: {
      native:
        'native sidecars: init containers with restartPolicy: Always; they start before the app and stop after it, so nothing the app says is missed',
      classic: 'ordinary containers: listed beside the app in containers; they start and stop with it, in no set order',
    },
    imagePrefix: 'Image name prefix',
  },

  /** What is wrong with a value, and how to mend it. */
  rules: {
    nameEmpty: 'the name is empty; pass --name <name>, e.g. --name my-service',
    nameTooLong: ({ name, length, suffix, max }: { name: string; length: number; suffix: string; max: number }) =>
      `name ${q(name)} is ${length} characters; object names such as "<name>${suffix}" must fit in 63, so use at most ${max}`,
    nameNotLabel: ({ name, suggestion }: { name: string; suggestion: string }) =>
      `name ${q(name)} is not a DNS-1123 label: use lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. ${q(suggestion)})`,
    nameNotDns1035: ({ name, suggestion }: { name: string; suggestion: string }) =>
      `name ${q(name)} must start with a letter, because it also names a Service (DNS-1035), e.g. ${q(suggestion)}`,
    nameFromDirectory: ({ problem }: { problem: string }) =>
      `${problem} (the name defaults to the directory's base name; pass --name to choose one)`,
    namespaceTooLong: ({ namespace }: { namespace: string }) => `namespace ${q(namespace)} is longer than 63 characters`,
    namespaceNotLabel: ({ namespace }: { namespace: string }) =>
      `namespace ${q(namespace)} is not a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit`,
    namespaceReserved: ({ namespace }: { namespace: string }) =>
      `namespace ${q(namespace)} is reserved for the cluster (kube-*); choose another`,
    portNotNumber: ({ value }: { value: string }) =>
      `port ${q(value)} is not a port number: use a whole number from 1024 to 65535. ${SHARED_NETWORK}`,
    portPrivileged: ({ port }: { port: number }) =>
      `port ${port} is privileged: the containers run as a non-root user with every capability dropped, so use 1024 or above (e.g. 8080). ${SHARED_NETWORK}`,
    portTakenInPod: ({ port, container }: { port: number; container: string }) =>
      `port ${port} is already used by the ${container} container of this pod; choose another (e.g. 8080). ${SHARED_NETWORK}`,
    portTakenByDemo: ({ port, companion }: { port: number; companion: string }) =>
      `port ${port} is where the demo ${companion} listens under \`npm run dev\`, which runs it on this machine's localhost beside the pod; it is not a container of this pod (in the cluster it runs in a pod of its own), but the app could not bind the same port there: choose another (e.g. 8080). ${SHARED_NETWORK}`,
    portTakenInWrongPod: ({ port, container, folder }: { port: number; container: string; folder: string }) =>
      `port ${port} is the ${container} container's: in the wrong design (${folder}/) web, app and db share one pod's localhost, so the app cannot bind it there; choose another (e.g. 8080). ${SHARED_NETWORK}`,
    lessonAlone: ({ pattern }: { pattern: string }) =>
      `--pattern ${pattern} is a project of its own (two designs of web, app and database), not a helper: pass it alone, e.g. --pattern ${pattern}`,
    replicas: ({ value }: { value: string }) => `replicas ${q(value)} is not a whole number from 1 to 100`,
    notOneOf: ({ what, value, choices }: { what: 'pattern' | 'target' | 'sidecarMode'; value: string; choices: string }) =>
      `${{ pattern: 'pattern', target: 'target', sidecarMode: 'sidecar mode' }[what]} ${q(value)} is not one of: ${choices}`,
    nativeOnPodman:
      '--sidecar-mode native cannot run on the podman target: podman 4.3 never starts the main containers of a pod with native sidecars; use --sidecar-mode classic (the default for podman)',
    imagePrefix: ({ prefix, sample }: { prefix: string; sample: string }) =>
      `image prefix ${q(prefix)} does not make a valid image name (${q(sample)}): use lowercase letters, digits, '.', '_', '-' and '/' (a registry host may carry a port from 1 to 65535), e.g. "local/" or "registry.example:5000/team/"`,
    badLang: ({ value, langs }: { value: string; langs: string }) => `--lang must be one of ${langs}, got ${q(value)}`,
    noDirectory: 'no directory given: pass it as the first argument (e.g. `create-pod-pattern my-service`), or --yes for the default',
    noPattern: ({ patterns, fallback }: { patterns: string; fallback: string }) =>
      `no pattern given: pass --pattern <${patterns}>, or --yes for the default (${fallback})`,
  },

  /** Mistakes on the command line itself. */
  usage: {
    unknownOption: ({ option }: { option: string }) => `unknown option ${option}; run with --help to see the options`,
    missingValue: ({ option }: { option: string }) => `option ${option} needs a value, e.g. ${option} <value>`,
    other: ({ message }: { message: string }) => `${message}; run with --help to see the options`,
    twoDirectories: ({ count, given }: { count: number; given: string }) => `expected one directory, got ${count}: ${given}`,
  },

  /** Why the target folder cannot take the project (the write layer's refusals, by code). */
  refusals: {
    emptyPath: 'the directory is an empty string; pass a folder name (e.g. my-service), or "." for the current folder',
    controlCharacters: ({ dir }: { dir: string }) => `directory ${q(dir)} contains control characters; choose a name without them`,
    nameTooLong: ({ name, bytes, max }: { name: string; bytes: number; max: number }) =>
      `the folder name ${name} is ${bytes} bytes long; a file system allows ${max} per name, so choose a shorter one`,
    pathTooLong: ({ path, bytes, max }: { path: string; bytes: number; max: number }) =>
      `the path ${path} is ${bytes} bytes long; the system allows ${max}, so choose a shorter one`,
    targetIsLink: ({ dir, dangling }: { dir: string; dangling: boolean }) =>
      `${dir} is a symbolic link${dangling ? ' to nothing' : ''}; the project is written only into a real folder: pass the folder it points to, or another directory`,
    parentLinkDangling: ({ path, dir }: { path: string; dir: string }) =>
      `${path} is a symbolic link to nothing, so ${dir} cannot be created; choose another directory`,
    parentNotFolder: ({ path, dir }: { path: string; dir: string }) =>
      `${path} is not a folder, so ${dir} cannot be created in it; choose another directory`,
    parentIsFile: ({ path, dir }: { path: string; dir: string }) =>
      `${path} is a file, so ${dir} cannot be created in it; choose another directory`,
    targetNotFolder: ({ dir }: { dir: string }) => `${dir} exists and is not a directory; choose another directory`,
    notEmpty: ({ dir }: { dir: string }) =>
      `directory ${dir} is not empty; choose another directory, or pass --force to write into it (files the project does not contain are kept)`,
    locked: ({ dir, pid }: { dir: string; pid: number }) =>
      `another create-pod-pattern run (pid ${pid}) is writing into ${dir}; nothing written by this one. Wait for it to finish, or choose another directory`,
    lockNotOurs: ({ path }: { path: string }) =>
      `${path} is not a lock create-pod-pattern made (its locks are symbolic links), and it is never removed: move it away and run again`,
    createdMeanwhile: ({ dir }: { dir: string }) =>
      `${dir} was created by another program while this one was about to; nothing written. Run again to write into it (with --force if it is not empty)`,
    conflicts: ({ target, conflicts }: { target: string; conflicts: string }) =>
      `cannot write into ${target}: ${conflicts}. Move those aside or choose another directory`,
    isLink: ({ path }: { path: string }) => `${path} is a symbolic link, and the project never writes through one (nor replaces it)`,
    fileWhereFolder: ({ path }: { path: string }) => `${path} is a file, but the project needs a folder there`,
    folderWhereFile: ({ path }: { path: string }) => `${path} is a folder, but the project writes a file there`,
    /** Joins the conflicts of one refusal. */
    separator: '; ',
  },

  /** The end of a run. */
  outcome: {
    invalidManifests: 'the generated manifests are invalid (a bug of create-pod-pattern: please report it with the command you ran):',
    cancelled: 'cancelled; nothing written',
    nothingWritten: 'Nothing was written.',
    /** A failed run could not put the target back as it was (src/write/swap.ts): what is left, and who finishes. */
    restoreFailed: ({ target, cause, error, keptIn }: { target: string; cause?: string; error: string; keptIn?: string }) =>
      `${cause ? `${cause}; then p` : 'P'}utting ${target} back as it was failed (${error}). ` +
      `${keptIn ? `What the project replaced is kept in ${keptIn}, and the` : 'The'} next run into ${target} finishes putting it back first.`,
    dryRun: ({ count, dir }: { count: number; dir: string }) => `Would write ${count} files to ${dir}/ (dry run: nothing written):`,
    fileLine: ({ path, bytes }: { path: string; bytes: number }) => `  ${path}  (${bytes} bytes)`,
    created: ({ pattern, containers, dir, count }: { pattern: string; containers: string; dir: string; count: number }) => {
      const titles: Record<string, string> = {
        singleton: 'singleton',
        sidecar: 'sidecar logger',
        ambassador: 'ambassador proxy',
        adapter: 'adapter monitor',
      };
      // Several helpers (`sidecar,adapter`): each pattern's name, joined.
      const title = pattern
        .split(',')
        .map((p) => titles[p] ?? p)
        .join(' + ');
      return `Created ${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title} pod (${containers}) in ${dir}/ (${count} files).`;
    },
    createdLesson: ({
      containers,
      dir,
      count,
      wrongFolder,
      fixFolder,
    }: {
      containers: string;
      dir: string;
      count: number;
      wrongFolder: string;
      fixFolder: string;
    }) =>
      `Created the anti-pattern lesson in ${dir}/ (${count} files): ${containers} in one pod (${wrongFolder}/, what not to do) and the fix (${fixFolder}/, three workloads).`,
    devLesson: 'npm run dev       # the fix (k8s/): db, app and web as local processes',
    demo: 'npm run demo      # both designs side by side: scaling, failure, rollout',
    expectedFinding: ({ folder, check }: { folder: string; check: string }) =>
      `${folder}/ is built to show the lint finding ${check}, and lint no longer reports it`,
    clusterNamespace: ({ namespace }: { namespace: string }) =>
      `Namespace ${namespace} belongs to the cluster: k8s/ puts every object in it, but does not create, label or delete it (so its Pod Security level stays as it is).`,
    next: 'Next:',
    test: "npm test          # each container's tests",
    dev: "npm run dev       # the pod's containers as local processes sharing localhost",
    deploy: ({ target }: { target: string }) =>
      `npm run deploy    # build the images and apply k8s/ to your local cluster (${target} first)`,
  },
};

export type CliText = typeof cli;
