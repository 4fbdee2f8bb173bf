/** Everything `create-pod-pattern add` says, in English: the source every other language translates. */
const POD_LESSON = 'the containers of one pod share one network (localhost) and one set of volume names';

export const add = {
  usage: `Usage: create-pod-pattern add <helper>[,<helper>...] [--to <file.yaml>] [--deployment <name>] [--dry-run]

Puts helper containers into an existing Deployment: sidecar (log-shipper), ambassador,
adapter. Comments, key order, quoting, anchors and the file's other documents are kept
as written. In a generated project (default file k8s/deployment.yaml) it also adds the
containers' code, the kustomization's objects and the README.

Options:
      --to <file>            the manifest to edit (default: k8s/deployment.yaml)
      --deployment <name>    which Deployment, when the file holds several
      --sidecar-mode <m>     native or classic (default: as the pod's helpers run, else
                             classic for a podman project, else native)
      --dry-run              print a unified diff of every file it would change or add
      --lang <en|ko>         language of the messages
  -h, --help                 show this help

Exit status: 0 done, 2 bad usage or a conflict (nothing written), 1 any other failure.
`,
  refusals: {
    noHelpers: 'name the helpers to add, e.g. `create-pod-pattern add sidecar,adapter`',
    lessonProject: ({ pattern, folder }: { pattern: string; folder: string }) =>
      `this is an ${pattern} project: web, app and database in two designs (${folder}/ is the mistake it teaches), not a pattern pod a helper could join. Generate a pattern to add helpers to, e.g. \`npx create-pod-pattern my-service --pattern sidecar\`, or name a Deployment of your own with --to <file.yaml>`,
    unknownHelper: ({ value, helpers }: { value: string; helpers: string }) =>
      `"${value}" is not a set of helpers; the helpers are ${helpers}, joined by commas`,
    unknownOption: ({ option }: { option: string }) => `unknown option ${option}`,
    missingValue: ({ option }: { option: string }) => `option ${option} needs a value`,
    badSidecarMode: ({ value }: { value: string }) => `--sidecar-mode must be native or classic, not "${value}"`,
    badLang: ({ value }: { value: string }) => `--lang must be en or ko, not "${value}"`,
    noFile: ({ file }: { file: string }) => `${file} does not exist or cannot be read; say which manifest with --to <file.yaml>`,
    notAFile: ({ file }: { file: string }) => `${file} is a folder; --to names the manifest file itself, e.g. --to ${file}/deployment.yaml`,
    manifestIsLink: ({ file }: { file: string }) =>
      `${file} is a symbolic link, and add never writes through one (nor replaces it): name the file it points to with --to`,
    notUtf8: ({ file, offset }: { file: string; offset: number }) =>
      `${file} is not UTF-8 text (byte ${offset} is not), and add would rewrite what it cannot read: save it as UTF-8 and run again`,
    parse: ({ line, col, message }: { line: number; col: number; message: string }) =>
      `the file does not parse as YAML at line ${line}, column ${col}: ${message}`,
    noDeployment: 'the file holds no Deployment to add helpers to',
    severalDeployments: ({ names }: { names: string }) =>
      `the file holds several Deployments (${names}); say which with --deployment <name>, or <namespace>/<name> where two share a name`,
    noSuchDeployment: ({ name, names }: { name: string; names: string }) =>
      `no Deployment named "${name}" in the file (Deployments: ${names})`,
    noAppContainer: ({ deployment }: { deployment: string }) => `Deployment ${deployment} has no pod template with containers`,
    helperPresent: ({ helper, container, image }: { helper: string; container: string; image: string }) =>
      `the pod already holds the ${helper} helper: container ${container} (image ${image})`,
    nameTaken: ({ name, image }: { name: string; image: string }) =>
      `container name ${name} is taken by another container of the pod (image ${image || 'none'}); names are unique in a pod`,
    portTaken: ({ port, container, helper }: { port: number; container: string; helper: string }) =>
      `port ${port}, which ${helper} listens on, is taken by container ${container}: ${POD_LESSON}, so no two of its containers can listen on one port`,
    volumeTaken: ({ volume, helper }: { volume: string; helper: string }) =>
      `volume name ${volume}, which ${helper} needs, is taken in the pod: ${POD_LESSON}`,
    mountPathTaken: ({ path, container, volume }: { path: string; container: string; volume: string }) =>
      `container ${container} already mounts volume ${volume} at ${path}, where the helper's shared volume goes`,
    envTaken: ({ name, container, value, wanted }: { name: string; container: string; value: string; wanted: string }) =>
      `container ${container} already sets ${name}=${value}; the helper needs ${name}=${wanted}`,
    annotationTaken: ({ key, value, wanted }: { key: string; value: string; wanted: string }) =>
      `the pod template already has the annotation ${key}: ${value}; the helper needs ${wanted}`,
    cannotInsert: ({ path, why }: { path: string; why: string }) =>
      why === 'merge'
        ? `cannot add ${path}: its map takes that key from a YAML merge key (<<), and a key written beside it would replace what it merges; write the merged key out in that map and run again`
        : `cannot add to ${path} without rewriting what you wrote (${why === 'alias' ? 'it is an alias of an anchor used elsewhere' : why === 'flow' ? 'it is written in flow style, e.g. []' : 'it is not a list or a map'}); write it as a block list or map and run again`,
    mergeOverlap: ({ key, line, col }: { key: string; line: number; col: number }) =>
      `the map at line ${line}, column ${col} both writes ${key} and takes it from a YAML merge key (<<): YAML 1.1 keeps the one written, kubectl the one that comes last, so the file means two things; keep one of them and run again`,
    schema: ({ message }: { message: string }) => `the Deployment would not be valid: ${message}`,
    podDesign: ({ findings }: { findings: string }) => `the pod would break a pod-design rule:\n  ${findings}`,
    projectFileUnreadable: ({ path, message }: { path: string; message: string }) =>
      `${path} of the project does not read (${message}), and add edits it for the helpers: mend it and run add again`,
    pathTaken: ({ path }: { path: string }) =>
      `${path} already exists and is not the generator's, and the helper's code goes there: move it away and run add again`,
    partsModuleEdited: ({ path, parts }: { path: string; parts: string }) =>
      `${path} no longer holds the line \`export const parts: AppPart[] = [...];\` that lists the app's optional parts, so ${parts} cannot be added to it: put that line back (your own entries may stay in it) and run add again`,
  },
  outcome: {
    added: ({ helpers, file }: { helpers: string; file: string }) => `Added ${helpers} to ${file}.`,
    wrote: ({ count }: { count: number }) => `Files changed or added: ${count}.`,
    dryRun: 'Dry run: nothing written.',
    kept: ({ path }: { path: string }) => `${path} holds your own edits, so it was left as is; it does not describe the new helpers yet.`,
    nextSteps: 'Next: npm install && npm test && npm run dev',
  },
  appNeeds: {
    heading: 'For the helpers to work, your app must:',
    sidecar: ({ env, path, volume, container }: { env: string; path: string; volume: string; container: string }) =>
      `- sidecar: write its access log, one line per request, to ${path} (the env var ${env} holds it), on volume ${volume} mounted in your app and in ${container}; rotate it as access.log.1..N beside it.`,
    ambassador: ({ env, url }: { env: string; url: string }) =>
      `- ambassador: call the upstream through ${url} (the env var ${env} holds it), never by the upstream's own address; set the ambassador's UPSTREAMS to your upstreams (host:port, comma-separated).`,
    adapter: ({ url, metricsPort, metricsPath }: { url: string; metricsPort: number; metricsPath: string }) =>
      `- adapter: serve its status as a JSON object at ${url} (the adapter's APP_STATUS_URL); Prometheus scrapes :${metricsPort}${metricsPath}.`,
  },
};
