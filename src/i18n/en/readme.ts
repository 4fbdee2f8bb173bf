/**
 * The generated README's words (the layout is templates/project/README.md.hbs). Each value is
 * a sentence or a function of this pod's real values; src/render/readme.ts gathers them.
 */

/** What a README sentence may quote about its pod, all read from the pattern description. */
export interface PodFacts {
  name: string;
  /** Containers of the pod, app first. */
  containers: string[];
  helpers: string[];
  replicas: number;
  sidecarMode: 'native' | 'classic';
}

export interface LocalhostUse {
  from: string;
  to: string;
  url: string;
}

export interface VolumeFact {
  name: string;
  sizeLimit: string;
  mounts: { container: string; path: string; readOnly: boolean }[];
}

const list = (items: string[]) =>
  items
    .map((i) => `\`${i}\``)
    .join(items.length > 2 ? ', ' : ' and ')
    .replace(/, ([^,]*)$/, ' and $1');

export const readme = {
  title: ({ name, pattern }: { name: string; pattern: string }) => `${name}: the ${pattern} pod pattern`,

  podHeading: 'What a pod is',
  podUnit: ({ name, containers }: PodFacts) =>
    `A **pod** is the smallest deployable unit of Kubernetes: not a container, but a group of containers that are scheduled onto the same node, started together and stopped together. The pod of \`${name}\` holds ${containers.length === 1 ? 'one container' : `${containers.length} containers`}: ${list(containers)}.`,
  podIsolation:
    'Everything else stays apart: each container has its own image, filesystem, processes, resource limits and restarts. That isolation is the point of a helper: it is a separate container, not a library inside the app, so it can be written in another language, updated on its own and kept from taking the app down with it.',
  nativeSidecar:
    'The helpers are **native sidecars**: entries in `initContainers` with `restartPolicy: Always`. Kubernetes (1.29 and later) starts them before the app, keeps them running beside it, and stops them only after the app has exited.',
  classicSidecar:
    'The helpers are **classic sidecars**: further entries in `containers`. All containers start and stop together, so each one copes with the others not being there yet, or any more.',

  networkHeading: 'One network, one IP',
  network:
    'All containers of a pod share one network namespace: one IP address, one `localhost`. They talk to each other over `127.0.0.1`, and no two of them may listen on the same port. These are the ports of this pod:',
  portsHeader: '| container | listens on | port name |',
  onlyLoopback: 'only inside the pod',
  localhostIntro: 'Over `localhost`, inside the pod:',
  localhostUse: ({ from, to, url }: LocalhostUse) => `\`${from}\` reaches \`${to}\` at \`${url}\``,
  portClash: ({ port, container }: { port: number; container: string }) =>
    `That is why the generator refuses \`--port ${port}\`: \`${container}\` already listens there, and a second container of the same pod could not.`,

  volumesHeading: 'Shared volumes',
  volumeShared: ({ name, sizeLimit, mounts }: VolumeFact) =>
    `\`${name}\` is an \`emptyDir\` of at most ${sizeLimit}: a folder made for this pod and deleted with it. ${mounts
      .map((m) => `\`${m.container}\` mounts it at \`${m.path}\`${m.readOnly ? ' (read-only)' : ''}`)
      .join('; ')}. Containers of a pod share files only through a volume they both mount: their filesystems are otherwise their own.`,
  volumeNone:
    'This pod shares no volume: its containers share only the network. Containers of a pod can share files through a volume they both mount; the sidecar pattern (`--pattern sidecar`) shows one.',

  patternsHeading: 'The four patterns',
  patternsIntro: 'Each helper pattern adds one container beside the same app. This project is the one marked ◀.',
  patternsHeader: '| pattern | the pod holds | use it when |',
  thisOne: '◀ this project',
  patterns: {
    singleton: {
      title: 'Singleton',
      summary: 'One container in the pod: the baseline every other pattern extends.',
      holds: 'the app alone',
      when: 'one process does the whole job; the baseline every other pattern extends',
    },
    sidecar: {
      title: 'Sidecar logger',
      summary:
        'The app writes an access log to a file on a shared emptyDir; a separate log-shipper container follows it and prints each line as JSON on its stdout, losing none across rotation, truncation and restarts.',
      holds: 'app + log-shipper, sharing a volume',
      when: 'the app writes something (logs, files) that another process must pick up and carry elsewhere, without the app knowing how',
    },
    ambassador: {
      title: 'Ambassador proxy',
      summary:
        'The app talks only to 127.0.0.1:9000; the ambassador container owns the way out: the upstream list, timeouts, health checks and failover.',
      holds: 'app + ambassador on `127.0.0.1`',
      when: "the app calls out to something (a database, an API) and the way there (hosts, timeouts, retries, failover) should be somebody else's job",
    },
    adapter: {
      title: 'Adapter monitor',
      summary: 'The app reports its status in its own JSON format; the adapter container serves the same facts as Prometheus metrics.',
      holds: 'app + adapter',
      when: 'the app speaks its own format and the world expects a standard one (Prometheus metrics, a log format)',
    },
  },

  neverHeading: 'What never goes into one pod',
  never:
    'A web server, an app server and a database are separate services, and each gets its own workload: never put them into one pod. In one pod they share one fate: they are scheduled onto the same node, so one node failure takes all three; one crashing container makes the whole pod unready; they scale together, so `replicas: 3` means three databases, each with its own data; and they roll out together, so changing the app restarts the database. Run each as its own Deployment (the database as a StatefulSet) behind its own Service, and let them talk through Service names. `npx create-pod-pattern shop --pattern anti-pattern` generates both designs side by side, with a demo that measures each of these.',
  neverHelpers:
    'A helper is different: it exists only to serve the app beside it, so it belongs in the same pod, and it lives and dies with it.',

  scaleHeading: 'Helpers scale with the app',
  scale: ({ replicas, containers, helpers }: PodFacts) => {
    const pods = replicas === 1 ? '1 pod, with' : `${replicas} pods, each with`;
    return helpers.length === 0
      ? `\`replicas: ${replicas}\` means ${pods} its own \`app\`.`
      : `Kubernetes scales pods, not containers: \`replicas: ${replicas}\` means ${pods} its own ${list(containers)}, so ${replicas * containers.length} containers in all. Every copy of the app gets its own ${list(helpers)}; you never scale a helper on its own.`;
  },

  promisesHeading: 'What the helpers promise',
  promisesIntro:
    'A helper is worth its container only if it keeps its promise when things go wrong. Its own tests (`npm test`) try to break each of these.',
  promises: {
    logShipper: ({ rotatedFiles, rotateAt, maxLine }: { rotatedFiles: number; rotateAt: string; maxLine: string }) =>
      `**log-shipper**: nothing logged is lost while it is on disk. The app keeps ${rotatedFiles} rotated files of ${rotateAt} (\`access.log.1\` … \`.${rotatedFiles}\`); the shipper knows each file by a fingerprint of its first line, keeps its position in every file it has not finished, and after a restart ships what is left of every rotated file, oldest first. If lines were deleted or truncated before it read them, it says so: a warning naming the file and the bytes skipped. After a SIGKILL the batch it was writing may appear twice: every record carries \`fileId\` and \`offset\`, so drop a record whose pair you have already seen. A line longer than ${maxLine} is shipped as one record marked \`"truncated": true\`.`,
    ambassador: ({ firstByteMs, intervalMs, fall, rise }: { firstByteMs: number; intervalMs: number; fall: number; rise: number }) =>
      `**ambassador**: until the first byte of an answer, a request goes on to the next upstream when one refuses, resets, closes, or starts no answer within ${firstByteMs} ms; once the answer has begun it is never retried. Each upstream's \`/readyz\` is checked every ${intervalMs} ms: out after ${fall} failed checks in a row (at once after a failed request), back after ${rise} passed ones. A request that timed out on one upstream may have been processed there: retry only what is safe to repeat.`,
    adapter: ({ maxStatus, maxSeries, memory }: { maxStatus: string; maxSeries: number; memory: string }) =>
      `**adapter**: its memory stays inside its ${memory} limit whatever the status holds. A status over ${maxStatus} is refused and counted as a failed scrape (\`adapter_scrape_errors_total{reason="too_large"}\`), at most ${maxSeries} series are exported (the rest counted in \`adapter_dropped_series\`), and \`NODE_OPTIONS\` caps Node's heap. Name your \`metrics\` fields as Prometheus names a gauge (snake_case, base units such as \`_seconds\` and \`_bytes\`, no \`_total\`, \`_count\`, \`_sum\` or \`_bucket\` suffix); others are left out and counted in \`adapter_skipped_fields\`. \`promtool check metrics\` finds nothing to fix in what it serves.`,
  },

  tryHeading: 'Try it',
  tryIntro:
    'Each step says what to expect. `npm run dev` runs the pod on this machine and prints the process id of each container as it starts; the cluster steps follow `npm run deploy`.',
  tryDev: 'With `npm run dev`, in a second terminal',
  tryCluster: 'In a cluster',
  /** What each "try it" step shows; the commands themselves come from the pattern description. */
  expect: {
    appAnswers: "JSON from the app: its name, the hostname (the pod's name in a cluster) and the time.",
    podReady: ({ ready }: { ready: number }) =>
      `READY shows ${ready}/${ready}: every container of the pod is ready${ready > 1 ? ', the helpers counted with the app' : ''}. One line per replica.`,
    deployDryRun: 'Every command `deploy` would run (build, load the images into the cluster, apply), printed and not run.',
    portClash: ({ port, container }: { port: number; container: string }) =>
      `Refused, exit status 2, nothing written: \`${container}\` already listens on ${port}, and the containers of one pod share one network.`,
    shipperShips:
      'Each request you make appears once as a JSON line from `log-shipper |`: the access-log line, with the file it came from and its offset.',
    shipperKilled: ({ maxRepeat }: { maxRepeat: string }) =>
      `\`npm run dev\` restarts the shipper within seconds, like the kubelet would, and it goes on from the position it saved on the shared volume: no line is lost, across rotations too. At most the batch in flight when it died is printed again (up to ${maxRepeat}), with the same file and offset, so a consumer can drop the repeat.`,
    shipperLogs:
      "The last lines the shipper printed: one JSON object per request, on the container's stdout, which is where a cluster's log collection reads.",
    shipperRestarted: 'The shipper stops and the kubelet starts it again (RESTARTS goes up by one); it resumes where it stopped.',
    upstreamAnswers: "The upstream's answer, reached through the ambassador on 127.0.0.1: the app never learns where the upstream is.",
    primaryHung: ({ firstByteMs, outAfterMs }: { firstByteMs: string; outAfterMs: string }) =>
      `The primary now hangs: the kernel still accepts connections, nothing answers. A request in flight waits ${firstByteMs} ms for the first byte, then the ambassador sends it to the backup; within about ${outAfterMs} ms the health checks take the primary out, and requests go straight to the backup. \`npm run dev\` does not restart a stopped process, so it stays hung until you continue it.`,
    primaryBack: ({ backAfterMs }: { backAfterMs: string }) =>
      `The primary answers again; within about ${backAfterMs} ms the health checks bring it back and requests go to it first.`,
    primaryScaledDown:
      'No primary pods: the backup answers. Scale both to 0 and the app gets a 502 naming each upstream; scale them back to 1.',
    statusJson: "The app's status in its own JSON format: counters and timings it keeps for itself.",
    metricsText: 'The same facts in the Prometheus text format, translated by the adapter on each scrape.',
    promtoolClean: 'Nothing: the exposition is clean (Debian and Ubuntu ship promtool in the prometheus package).',
  },

  commands: {
    test: "every container's own tests",
    dev: "the pod's containers as local processes, sharing localhost as in a pod",
    images: "build every container's image (docker or podman); BASE_IMAGE=... overrides the base",
    deploy: 'build, load the images into the cluster, kubectl apply -k k8s/, wait for the rollout',
    undeploy: 'remove everything',
  },
  runHeading: 'Run it',
  runDev:
    "`npm run dev` reads `k8s/deployment.yaml` and starts each container as a local process with the manifest's environment, sharing `localhost` as in a pod; each `emptyDir` becomes a temporary folder, removed when dev stops (or, if dev was killed outright, by the next run). Output lines are prefixed with the container's name, and each container's process id is printed when it starts. Ctrl-C stops the app first, then its helpers.",
  deployHeading: 'Deploy it to a local cluster',
  deploy: ({ target }: { target: string }) =>
    `\`deploy\` finds your cluster from the current kubectl context (kind, minikube, k3d, docker-desktop) and otherwise aims at **${target}** (set in \`package.json\` under \`config.target\`, or with \`DEPLOY_TARGET=...\`). Images are tagged \`:dev\` with \`imagePullPolicy: IfNotPresent\`, so the loaded images are used and nothing is pulled. \`npm run deploy -- --dry-run\` prints every command and runs nothing.`,
  namespaceOwn: ({ namespace }: { namespace: string }) =>
    `Everything lives in the namespace \`${namespace}\`, which enforces the restricted Pod Security Standard. Try \`kubectl get pods -n ${namespace}\`.`,
  namespaceShared: ({ namespace }: { namespace: string }) =>
    `Everything goes to the namespace \`${namespace}\`. The project does not create or label it: it belongs to the cluster.`,
  namespaceNone: "Objects go to the current context's namespace.",

  picture: {
    client: 'client',
    service: ({ name }: { name: string }) => `Service ${name}`,
    pod: ({ name, sharesVolumes }: { name: string; sharesVolumes: boolean }) =>
      `Pod ${name}: one network namespace (localhost)${sharesVolumes ? ' and shared volumes' : ''}`,
  },
  podPictureHeading: 'This pod',
  containersHeader: '| container | role | listens on | image |',
  roleMain: ({ purpose }: { purpose: string }) => `main: ${purpose}`,
  roleHelper: ({ mode, purpose }: { mode: 'native' | 'classic'; purpose: string }) =>
    `helper (${mode === 'native' ? 'native sidecar' : 'classic sidecar'}), ${purpose}`,
  roleCompanion: ({ name, purpose }: { name: string; purpose: string }) => `\`${name}\`, ${purpose}`,
  nothing: 'nothing',
  companionsIntro: 'Outside the pod, so the pattern works in a cluster with no internet:',
  companionsHeader: '| Deployment | container | listens on | image |',

  whereHeading: 'What is where',
  whereK8s:
    '`k8s/`: `kustomization.yaml` and the objects it lists. The manifest is the one place each port, path and upstream lives: the code reads them from its environment. Its comments explain each part.',
  whereContainers:
    '`containers/<container>/`: the source (`src/`), tests (`test/`) and `Dockerfile` of each container. `npm run build` bundles each into `dist/index.cjs`, so image builds need no network.',
  whereShared:
    '`shared/`: what every container does the same way, written once: stopping on SIGTERM (`shutdown.ts`), an HTTP server that holds at most 500 connections and drains its requests before it stops (`http-server.ts`), answering in JSON (`send-json.ts`), keeping no more of a body than a bound (`bounded-body.ts`), logging one JSON line per event (`log.ts`), and reading the environment with every problem reported at once (`env.ts`). Each container imports it as `../../../shared/<file>`; `npm run build` bundles it into each image. `test-support/` is the same for the tests.',
  whereStart: ({ container, file, heart }: { container: string; file: string; heart: string }) =>
    `Start reading \`${container}\` at \`${file}\`: ${heart}.`,
  /** A process id the reader fills in from what `npm run dev` printed. */
  pidOf: ({ name }: { name: string }) => `<pid of ${name}>`,
  /** What each container is for (the table of the pod) and what its heart does (where to start reading). */
  containers: {
    app: {
      purpose: 'the service itself, answering `GET /` (JSON), `/healthz`, `/readyz` and `/status`',
      heart: 'its routes, one function per path',
    },
    'log-shipper': {
      purpose: 'which follows the access log across rotation, truncation and restarts and ships each line as JSON to stdout',
      heart: 'what a shipper does, in order: find the files, read each from its saved position, print the lines, then save the position',
    },
    ambassador: {
      purpose: 'a proxy on loopback that health-checks the upstreams and fails over on any failure before the first byte of the answer',
      heart: 'one connection from the app, tried on each healthy upstream in turn until one starts to answer',
    },
    adapter: {
      purpose: "which reads the app's JSON status and serves it as Prometheus metrics",
      heart: "the translation from the app's status fields to metric names, types and help texts",
    },
    upstream: {
      purpose: 'a demo upstream, so the pattern works in a cluster with no internet',
      heart: 'a small HTTP server that names itself in every answer',
    },
    web: {
      purpose: 'the front: a page with the visit count, and `/api/` passed on to the app with a timeout',
      heart: 'the page, and the one rule of the front: `/api/<path>` goes to the app, and an app that is down or hung becomes a 503',
    },
    db: {
      purpose: 'a small database standing for PostgreSQL or MySQL: counters on a journal, fsynced before each answer, replayed at start',
      heart: 'the journal: append a checksummed record, fsync, then answer; replay at start, dropping a torn last record',
    },
  },
  whereScripts: '`scripts/`: `build`, `dev`, `images`, `deploy` and `undeploy`.',
  security:
    'Every container runs as a numeric non-root user with a read-only root filesystem, no privilege escalation, all capabilities dropped and the RuntimeDefault seccomp profile (the "restricted" Pod Security Standard), with resource requests and limits and probes.',
  generatedBy: 'Generated by [create-pod-pattern](https://www.npmjs.com/package/create-pod-pattern).',
};
