/**
 * The README of the anti-pattern project (the layout is templates/anti-pattern/README.md.hbs):
 * the same web, app and database in one pod and in the fix. Every value comes from the
 * project's description (src/render/lesson-readme.ts gathers them).
 */

/** What the README may quote about the two designs, all read from the description. */
export interface LessonFacts {
  name: string;
  replicas: number;
  ports: { web: number; app: number; db: number };
  wrong: {
    folder: string;
    workload: string;
    service: string;
    volume: string;
    sizeLimit: string;
    dataDir: string;
    appUrl: string;
    dbUrl: string;
  };
  fix: { folder: string; web: string; app: string; db: string; claim: string; storage: string; appUrl: string; dbUrl: string };
}

/** The demo's settings, as its steps use them. */
export interface DemoFacts {
  replicas: number;
  writes: number;
  /** The db's answers in the wrong design: the writes spread over its databases. */
  spread: number[];
  downSeconds: number;
}

const code = (s: string | number) => `\`${s}\``;

export const lesson = {
  title: 'Web, app and database: the one-pod anti-pattern and its fix',
  heading: ({ name }: { name: string }) => `${name}: web, app and database — one pod (the anti-pattern) and the fix`,
  intro: ({ wrong, fix }: LessonFacts) =>
    `The rule this project teaches: **never put a web server, an app server and a database in one pod.** It holds the same three containers in two designs. ${code(`${wrong.folder}/`)} is the mistake, made on purpose: one Deployment whose pod holds ${code('web')}, ${code('app')} and ${code('db')}. ${code(`${fix.folder}/`)} is the fix, and what the project runs: three workloads, each behind its own Service. \`npm run demo\` runs both on this machine and measures the difference.`,

  designsHeading: 'The two designs',
  wrongHeading: ({ wrong }: LessonFacts) => `The wrong one: one pod (${code(`${wrong.folder}/`)})`,
  wrongText: ({ replicas, wrong, ports }: LessonFacts) =>
    `Deployment ${code(wrong.workload)} runs ${replicas === 1 ? 'one pod' : `${replicas} pods`}, each holding all three containers. They share the pod's one ${code('localhost')}: the web reaches the app at ${code(wrong.appUrl)}, the app the database at ${code(wrong.dbUrl)}, so their ports (${ports.web}, ${ports.app}, ${ports.db}) must all differ. The database keeps its data in ${code(wrong.dataDir)} on the emptyDir ${code(wrong.volume)} (at most ${wrong.sizeLimit}), a folder deleted with the pod. Service ${code(wrong.service)} reaches only the web.`,
  fixHeading: ({ fix }: LessonFacts) => `The fix: three workloads (${code(`${fix.folder}/`)})`,
  fixText: ({ replicas, fix }: LessonFacts) =>
    `Deployment ${code(fix.web)} (${replicas} ${replicas === 1 ? 'replica' : 'replicas'}) reaches the app by the Service name ${code(fix.appUrl)}; Deployment ${code(fix.app)} (${replicas} ${replicas === 1 ? 'replica' : 'replicas'}) reaches the database by ${code(fix.dbUrl)}; StatefulSet ${code(fix.db)} runs one database pod, ${code(`${fix.db}-0`)}, whose data lives on its own PersistentVolumeClaim ${code(fix.claim)} (${fix.storage}): it outlives the pod, through restarts, rollouts and moves to another node. ${code(fix.db)} is a headless Service (\`clusterIP: None\`): its name resolves to the database pod itself, which keeps its name. No pod IP is written anywhere.`,
  picture: {
    client: 'client',
    service: ({ name }: { name: string }) => `Service ${name}`,
    headless: ({ name }: { name: string }) => `headless Service ${name}`,
    onePod: ({ name }: { name: string }) => `Pod of ${name}: one localhost, one fate`,
    deployment: ({ name, replicas }: { name: string; replicas: number }) => `Deployment ${name} ×${replicas}`,
    statefulSet: ({ name }: { name: string }) => `StatefulSet ${name} ×1`,
    emptyDir: ({ name }: { name: string }) => `emptyDir ${name}: deleted with the pod`,
    claim: ({ name }: { name: string }) => `PersistentVolumeClaim ${name}: outlives the pod`,
  },
  containersHeader: '| container | what it does | listens on | image |',
  /** What this lesson's containers do beyond what the same template does in every project. */
  containers: {
    app: {
      purpose: 'the service itself: `POST /visits` counts a visit and `GET /visits` tells the count, both kept in the database at `DB_URL`',
      heart:
        'the visits part: each request asks the database, and a database that refuses, fails or hangs becomes a 503 "database unavailable" while the app stays ready',
    },
  },

  whyHeading: 'Why one pod is wrong',
  whyIntro:
    'The containers of a pod are scheduled onto one node, started, stopped, scaled and replaced together. That is right for a helper that exists only to serve the app beside it, and wrong for three services that each have a job of their own:',
  why: ({ replicas, wrong }: LessonFacts) => [
    `**One fate.** One node failure takes all three. When the database crashes, the pod is not ready, the Service ${code(wrong.service)} sends it nothing, and the web cannot even say that the database is down: every request fails.`,
    `**They scale together.** \`replicas: 3\` means three webs, three apps and **three databases**, each with data of its own: writes spread over them, and each pod answers with its own count.${replicas > 1 ? ` This project's ${code(wrong.workload)} already asks for ${replicas}.` : ''}`,
    '**They roll out together.** Changing the app is a new pod template: the whole pod is replaced, the database restarts with it, and the emptyDir with its data is deleted.',
    '**They cannot be sized or placed apart.** Requests and limits add up per pod; a database cannot get a bigger node or a disk without the web and app coming along.',
  ],
  fixWhy:
    'In the fix each of these is its own: the web keeps serving and says "database unavailable"; more web or app replicas share one database; a new app replaces only app pods; the database keeps its data on its claim.',

  demoHeading: 'What `npm run demo` shows',
  demoIntro:
    "`npm run demo` builds the containers and runs both designs on this machine, as local processes (no cluster): each pod is its containers sharing a block of local ports (its own \"IP\"), each Service a small round-robin proxy over the pods whose containers are all ready (it polls the readiness probes as the kubelet does), each emptyDir a temporary folder deleted with its pod, each PersistentVolumeClaim one that outlives it. It reads both folders' manifests for the env, ports and probes, prints each step as it runs in the project's language, and ends with a table. `npm run demo -- --json` prints only the measured results, as one JSON object (progress goes to stderr); `npm run -s demo -- --json > results.json` keeps npm's own banner out of the file too.",
  demoSteps: ({ replicas, writes, spread, downSeconds }: DemoFacts) => [
    `**Scaling.** Both designs at ${replicas} replicas. ${writes} visits are posted through each design's Service, then every pod is asked for the count. The wrong design has ${replicas} databases: the writes spread over them and the pods disagree (expect about [${spread.join(', ')}]; none says ${writes}). The fix has one database: every pod answers ${writes} ([${Array(replicas).fill(writes).join(', ')}]).`,
    `**Failure.** The database process is killed (SIGKILL) and kept down about ${downSeconds} s before the "kubelet" restarts it, while requests keep coming. Wrong: the pod is not ready, the Service has no endpoint, and N of N requests to the page fail. Fix: the web serves the page N of N times, and \`/api/visits\` answers "database unavailable" N of N times. After the restart both recover.`,
    `**Rollout.** The app changes (a new pod template, played by replacing the processes as a rollout would). Wrong: the whole pod is replaced, the database restarts (its \`instance\` id changes) and its emptyDir is gone: visits ${writes} → 0. Fix: only the app pods are replaced, the database keeps its instance and its claim: visits ${writes} → ${writes}.`,
  ],
  demoJson:
    'The JSON holds, per lesson, `antiPattern` and `fix`: `scaling` (replicas, writes, databases, answers), `failure` (requests, pageOk, apiDatabaseUnavailable, failed), `rollout` (dbRestarted, visitsBefore, visitsAfter). Every number is measured on the run, never written in.',

  runHeading: 'Run it',
  commands: {
    test: "every container's own tests, and the demo's",
    dev: 'the fix (k8s/): db, app and web as local processes',
    demo: 'both designs side by side: scaling, failure, rollout',
    demoJson: 'the same, measured results as one JSON object',
    deploy: 'build, load the images and apply k8s/ (the fix)',
    deployWrong: 'the wrong design: played on podman, or applied to the cluster',
    undeploy: 'remove it (-- k8s-anti-pattern for the wrong one)',
    lint: 'the finding that marks the mistake; exit status 1',
    lintFix: 'nothing to report; exit status 0',
  },
  runDev: ({ ports }: LessonFacts) =>
    `\`npm run dev\` runs the fix: each container of \`k8s/\` as a local process with its manifest's environment, in the kustomization's order (db, app, web); Ctrl-C stops them, the web first. Open http://127.0.0.1:${ports.web}/ and press the button: the page posts \`/api/visits\` to the web, which passes it to the app, which counts it in the database.`,
  deployText: ({ wrong }: LessonFacts) =>
    `\`npm run deploy\` applies the fix; \`npm run deploy -- ${wrong.folder}\` the wrong design (on the podman target it plays the one pod with its three containers, one localhost). They can run side by side: their objects have different names. The database's PersistentVolumeClaim is kept when the StatefulSet is deleted (that is the point of it): \`kubectl delete pvc\` drops the data.`,
  lintText: ({ wrong }: LessonFacts) =>
    `\`lint\` finds the mistake by the shape of the pod, not by image names: three containers of \`containers\`, each with a port of its own, one of them keeping data in a data directory. Its first finding on \`${wrong.folder}/\` is \`multiple-main-services\`, with the fix: a workload and a Service for each, the database as a StatefulSet. It finds nothing in \`k8s/\`.`,

  dbHeading: 'The database stands for PostgreSQL or MySQL',
  db: ({ ports, wrong }: LessonFacts) =>
    `\`db\` is a small database written for this lesson, so the demo runs anywhere Node runs, with no image to pull: it keeps named counters, answers an increment only once it is fsynced to a journal in ${code(wrong.dataDir)}, and replays the journal when it starts (it is ready only then). That is the behaviour the lesson needs from a database: it holds state, it takes a moment to start, and losing its disk loses data. In a real project run PostgreSQL or MySQL (or a managed database) the same way: a StatefulSet with a claim, behind a headless Service, reached by name (\`DB_URL\`); port ${ports.db} here plays 5432 or 3306.`,

  helpersHeading: 'When a container does belong in the pod',
  helpersIntro:
    'A second container belongs in a pod when it exists only to serve the main one beside it: it shares its lifetime, scales with it and needs its localhost or its files. The four good patterns show that; generate any of them beside this project to compare:',
  helpersHeader: '| pattern | the pod holds | use it when |',

  whereHeading: 'What is where',
  where: ({ wrong, fix }: LessonFacts) => [
    `${code(`${fix.folder}/`)}: the fix, \`db.yaml\` (StatefulSet and headless Service), \`app.yaml\` and \`web.yaml\` (Deployment and Service each), listed in \`kustomization.yaml\` in start order. Their comments explain the StatefulSet, the claim, the headless Service and the Service names in \`APP_URL\` and \`DB_URL\`.`,
    `${code(`${wrong.folder}/`)}: the wrong design, \`deployment.yaml\` and \`service.yaml\`; its comments mark the mistake where it is made.`,
    '`containers/<container>/`: the source (`src/`), tests (`test/`) and `Dockerfile` of `web`, `app` and `db`; `npm run build` bundles each into `dist/index.cjs`.',
    '`shared/`: what the three do the same way, written once (stopping on SIGTERM, the HTTP server that drains before it stops, answering in JSON, keeping no more of a body than a bound, logging, reading the environment); each imports it as `../../../shared/<file>`.',
    '`scripts/demo.mjs`: the demo; `scripts/lib/demo-*.mjs` its parts; `scripts/dev.mjs`, `deploy.mjs`: the same local loop as every generated project.',
  ],
  start: ({ container, file, heart }: { container: string; file: string; heart: string }) =>
    `Start reading \`${container}\` at \`${file}\`: ${heart}.`,
};
