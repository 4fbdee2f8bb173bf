/**
 * Everything `npm run demo` of an anti-pattern project says, in English: the source every other
 * language translates. Rendered into the project as scripts/lib/demo-text.mjs, so every value is
 * plain text; `{name}` is filled in by the demo with what it measured.
 */
export const demo = {
  title:
    'The same shop, two ways: the anti-pattern ({antiPattern}/: web, app and database in one pod) and the fix ({fix}/: each its own workload and Service).',
  howItRuns:
    'No cluster: each pod runs as local processes that share a localhost of their own (a block of ports), each Service is a local proxy that sends each connection to a ready pod in turn, readiness probes are polled, a crashed container is restarted after a pause, an emptyDir is a folder deleted with its pod and a PersistentVolumeClaim a folder that outlives it.',
  designs: { antiPattern: 'anti-pattern', fix: 'fix' },
  lessons: {
    scaling: '1. Scaling: three replicas, ten visits',
    failure: '2. Failure: the database crashes and stays down for a moment',
    rollout: '3. Rollout: a new version of the app',
  },
  steps: {
    started: 'started {folder}/: {pods}; all ready in {seconds} s',
    wrote: '{writes} of {total} POST /api/visits through the Service answered',
    readPod: 'GET /api/visits on pod {pod}: {visits} visits, database {db}',
    crashed: 'killed the database in pod {pod} (SIGKILL, pid {pid}); the kubelet restarts it after {seconds} s',
    whileDown:
      'while it is down, {requests} visitors: the page loaded {pageOk} times, the API said "database unavailable" {apiDatabaseUnavailable} times, {failed} got no answer at all (first page: {page}; first API call: {api})',
    recovered: 'the database is back (pid {pids}): page {page}, API {api}',
    beforeRollout: 'after {writes} visits, GET /api/visits: {visits} visits, database {db}',
    rolledOut: 'rolled out a new pod template of {workload}: {pods}',
    afterRollout: 'after the rollout, GET /api/visits: {visits} visits, database {db}',
  },
  answers: {
    none: 'no answer ({error})',
    status: '{status} {body}',
  },
  shows: {
    scaling:
      'What it shows: the anti-pattern copied the database with each replica: {antiDatabases} databases split the {writes} visits ({antiAnswers}), so each visitor sees another count. The fix scaled only web and app, which keep no state: {fixDatabases} database, one answer ({fixAnswers}).',
    failure:
      'What it shows: in the anti-pattern the database took its pod out of the Service, web and app with it: {antiFailed} of {requests} visitors got nothing. In the fix the web stayed up: the page loaded {fixPageOk} of {requests} times and said "database unavailable" {fixUnavailable} times, and came back by itself.',
    rollout:
      'What it shows: changing the app replaced the whole anti-pattern pod: its database restarted on a new, empty emptyDir ({antiBefore} -> {antiAfter} visits). In the fix only app pods were replaced; the database and its PersistentVolumeClaim stayed ({fixBefore} -> {fixAfter}).',
  },
  summary: {
    title: 'Summary (measured on this machine)',
    columns: { lesson: 'lesson', measure: 'measured' },
    lessons: { scaling: 'scaling', failure: 'failure', rollout: 'rollout' },
    rows: {
      databases: 'databases',
      answers: 'visits each web pod reports after {writes} visits',
      pageOk: 'page served while the database is down',
      apiDatabaseUnavailable: 'API says "database unavailable"',
      failed: 'requests with no answer',
      dbRestarted: 'database restarted by the app rollout',
      visits: 'visits before -> after the rollout',
    },
    yes: 'yes',
    no: 'no',
    none: '-',
  },
  stopping: '{signal}: stopping every pod the demo started',
  problems: {
    notReady: 'pod {pod} was not ready after {seconds} s',
    ready: 'ready',
    notReadyContainer: 'not ready',
  },
};
