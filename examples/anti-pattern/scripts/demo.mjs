// npm run demo: the same shop run two ways, side by side, and three lessons measured on both.
//   anti-pattern  k8s-anti-pattern/  web, app and database in one pod
//   fix           k8s/               each its own workload and Service (the database a StatefulSet)
// Each pod runs as local processes (see lib/demo-cluster.mjs: the kubelet and the Services, played
// locally); nothing here assumes a result, every number printed is measured.
// Flag: --json prints only the results, as one JSON object, on stdout (the steps go to stderr).
import { deploymentsOf } from './lib/manifests.mjs';
import { RESTART_PAUSE_MS, startCluster, tearDownEverything } from './lib/demo-cluster.mjs';
import { getUntilOk, isOk, request } from './lib/demo-http.mjs';
import { serviceOfContainer, workloadsWith } from './lib/demo-plan.mjs';
import { summaryRows, table, tallyFailure, tallyRollout, tallyScaling } from './lib/demo-report.mjs';
import { text } from './lib/demo-text.mjs';
import { fill } from './lib/text-fill.mjs';
import { text as scriptsText } from './lib/text.mjs';
import { hostEnv, projectRoot, readManifests } from './lib/io.mjs';

const FOLDERS = { antiPattern: 'k8s-anti-pattern', fix: 'k8s' };
const SCALED_REPLICAS = 3;
const WRITES = 10;
const REQUESTS = 10;

const json = process.argv.includes('--json');
const out = json ? process.stderr : process.stdout;

// Built here, not with `build && demo` in package.json (as dev.mjs): with no shell between npm
// and the demo, a signal reaches it directly; and with --json the build's lines are progress too,
// so they go to stderr, leaving stdout to the results.
const log = console.log;
if (json) console.log = console.error;
await import('./build.mjs');
console.log = log;
if (process.exitCode) process.exit(process.exitCode);

const say = (template, values) => out.write(`${fill(template, values)}\n`);

const running = new Set();
process.chdir(projectRoot);
const manifests = { antiPattern: readManifests(FOLDERS.antiPattern, scriptsText), fix: readManifests(FOLDERS.fix, scriptsText) };
stopEverythingOnSignals();

// 1. Scaling: three replicas of the wrong pod are three databases; the fix scales only what keeps no state.
async function scaling(design) {
  const replicas = everyDeployment(design, SCALED_REPLICAS);
  return withCluster(design, replicas, async (cluster, front, step) => {
    let writes = 0;
    for (let i = 0; i < WRITES; i += 1) if (isOk(await request('POST', `${front}/api/visits`))) writes += 1;
    step(text.steps.wrote, { writes, total: WRITES });
    const webPods = podsWith(cluster, 'web');
    const reads = [];
    // Asked again if unanswered: the lesson is each pod's count, not how busy the machine is.
    for (const pod of webPods) reads.push(await getUntilOk(`${cluster.podUrl(pod, 'web')}/api/visits`));
    for (const [i, pod] of webPods.entries()) step(text.steps.readPod, { pod: pod.name, ...answerOf(reads[i]) });
    return tallyScaling(reads, { replicas: webPods.length, writes });
  });
}

// 2. Failure: the database crashes and stays down a while; what does a visitor get meanwhile?
async function failure(design) {
  return withCluster(design, everyDeployment(design, 1), async (cluster, front, step) => {
    const crashes = [];
    for (const pod of podsWith(cluster, 'db')) {
      crashes.push(await cluster.crash(pod, 'db'));
      step(text.steps.crashed, { pod: pod.name, pid: crashes.at(-1).pid, seconds: RESTART_PAUSE_MS / 1000 });
    }
    const rounds = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      rounds.push({ page: await request('GET', `${front}/`), api: await request('GET', `${front}/api/visits`) });
    }
    const tally = tallyFailure(rounds);
    step(text.steps.whileDown, { ...tally, page: describeAnswer(rounds[0].page), api: describeAnswer(rounds[0].api) });
    for (const crash of crashes) crash.release();
    const pids = await Promise.all(crashes.map((crash) => crash.recovered()));
    const page = await request('GET', `${front}/`);
    const api = await request('GET', `${front}/api/visits`);
    step(text.steps.recovered, { pids: pids.join(', '), page: describeAnswer(page), api: describeAnswer(api) });
    return tally;
  });
}

// 3. Rollout: a new version of the app replaces the pods that hold it.
async function rollout(design) {
  return withCluster(design, everyDeployment(design, 1), async (cluster, front, step) => {
    for (let i = 0; i < WRITES; i += 1) await request('POST', `${front}/api/visits`);
    const before = await request('GET', `${front}/api/visits`);
    step(text.steps.beforeRollout, { ...answerOf(before), writes: WRITES });
    for (const workload of workloadsWith(cluster.workloads, 'app')) {
      const replaced = await cluster.rollout(workload);
      step(text.steps.rolledOut, { workload, pods: replaced.map((r) => `${r.old} -> ${r.new}`).join(', ') });
    }
    const after = await request('GET', `${front}/api/visits`);
    step(text.steps.afterRollout, answerOf(after));
    return tallyRollout(before, after);
  });
}

/**
 * Starts a design, runs `lesson` with it, the URL of its front Service and a `step` that prints
 * a line under the design's name, and stops it whatever happens.
 */
async function withCluster(design, replicas, lesson) {
  const step = (template, values) => say(`  [${text.designs[design]}] ${template}`, values);
  const started = Date.now();
  const cluster = await startCluster(manifests[design], { root: projectRoot, replicas, env: hostEnv, text });
  running.add(cluster);
  try {
    const pods = cluster.describe().map(({ pods: names, containers }) => `${names.join(', ')} (${containers.join(', ')})`);
    step(text.steps.started, { folder: FOLDERS[design], pods: pods.join('; '), seconds: seconds(started) });
    const service = serviceOfContainer(manifests[design], 'web');
    return await lesson(cluster, cluster.serviceUrl(service), step);
  } finally {
    running.delete(cluster);
    await cluster.stop();
  }
}

const everyDeployment = (design, replicas) => Object.fromEntries(deploymentsOf(manifests[design]).map((d) => [d.metadata.name, replicas]));
const podsWith = (cluster, container) => workloadsWith(cluster.workloads, container).flatMap((workload) => cluster.podsOf(workload));
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const answerOf = (read) => ({
  visits: read.json?.visits ?? text.summary.none,
  db: read.json?.db ?? text.summary.none,
  answer: describeAnswer(read),
});
const describeAnswer = (read) =>
  read.status === undefined
    ? fill(text.answers.none, { error: read.error })
    : fill(text.answers.status, { status: read.status, body: read.json?.error ?? '' }).trim();

// The lessons, each on both designs, then the table.
const lessons = { scaling, failure, rollout };
const results = {};
try {
  say(text.title, { antiPattern: FOLDERS.antiPattern, fix: FOLDERS.fix });
  say(text.howItRuns);
  for (const [name, run] of Object.entries(lessons)) {
    say(`\n${text.lessons[name]}`);
    results[name] = {};
    for (const design of ['antiPattern', 'fix']) results[name][design] = await run(design);
    say(text.shows[name], showValues(name, results[name]));
  }
  say(`\n${text.summary.title}`);
  const { lesson, measure } = text.summary.columns;
  say(table([lesson, measure, text.designs.antiPattern, text.designs.fix], summaryRows(results, text)));
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}

function showValues(lesson, { antiPattern, fix }) {
  if (lesson === 'scaling')
    return {
      writes: WRITES,
      antiDatabases: antiPattern.databases,
      antiAnswers: antiPattern.answers.join(', '),
      fixDatabases: fix.databases,
      fixAnswers: fix.answers.join(', '),
    };
  if (lesson === 'failure')
    return { requests: REQUESTS, antiFailed: antiPattern.failed, fixPageOk: fix.pageOk, fixUnavailable: fix.apiDatabaseUnavailable };
  return {
    antiBefore: antiPattern.visitsBefore,
    antiAfter: antiPattern.visitsAfter,
    fixBefore: fix.visitsBefore,
    fixAfter: fix.visitsAfter,
  };
}

/** Ctrl-C, SIGTERM, a closed terminal or a vanished parent: every container process is stopped. */
function stopEverythingOnSignals() {
  let stopping = false;
  const stop = async (signal, code) => {
    if (stopping) return;
    stopping = true;
    say(text.stopping, { signal });
    await Promise.all([...running].map((cluster) => cluster.stop()));
    process.exit(code);
  };
  process.on('SIGINT', () => stop('SIGINT', 130));
  process.on('SIGTERM', () => stop('SIGTERM', 143));
  process.on('SIGHUP', () => stop('SIGHUP', 129));
  // Whatever else ends this process, no container outlives it, and no folder either (a cluster
  // still starting is not in `running` yet).
  process.on('exit', tearDownEverything);
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  // `npm run demo` runs this through a shell that does not pass a SIGTERM on (see dev.mjs).
  const parentPid = process.ppid;
  // setImmediate: a signal that came with the parent's end is handled first (see scripts/dev.mjs).
  setInterval(() => process.ppid !== parentPid && setImmediate(() => stop(scriptsText.dev.parentGone, 1)), 250).unref();
}
