/**
 * Everything `npm run dev`, `deploy`, `undeploy` and `images` of a generated project say, in
 * English: the source every other language translates. Rendered into every project as
 * scripts/lib/text.mjs, so every value is plain text; `{name}` is filled in by the script.
 * Commands, flags, paths, object names and signal names stay as they are in every language.
 */
export const scripts = {
  /** lib/io.mjs: reading k8s/ and carrying out a plan of steps. */
  steps: {
    write: 'write {path}',
    wait: 'wait: {what}',
    notInstalled: '`{command}` is not installed (or not on PATH)',
    failed: '`{command}` failed',
    gaveUp: 'waiting for {what} gave up',
    fix: 'fix: {fix}',
    noWorkload: '{dir}/kustomization.yaml lists no Deployment or StatefulSet',
  },
  /** Which local cluster, and which engine builds the images. */
  target: {
    unknown: 'unknown target "{target}": use one of {targets}',
    withCluster: '{target} cluster "{cluster}" (from {reason})',
    withoutCluster: '{target} (from {reason})',
    fromContext: 'kubectl context {context}',
    fromDefault: 'the project default',
    noEngine: 'no container engine found: start Docker, or install Podman, or name one in CONTAINER_ENGINE',
    deploying: 'target: {target}; images built with {engine}',
    undeploying: 'target: {target}',
  },
  /** The notes and fixes of the plans (lib/deploy-plan.mjs, lib/images-plan.mjs). */
  plan: {
    buildFix:
      'see the {engine} output above; with no way to pull the base image, set BASE_IMAGE to one you have locally; did `npm run build` write {context}/dist?',
    noCluster: 'no {target} cluster "{cluster}" answered: {howToStart}, or pass DEPLOY_TARGET=<{targets}>',
    howToStart: {
      kind: 'start one with `kind create cluster --name {cluster}`',
      minikube: 'start one with `minikube start -p {cluster}`',
      k3d: 'start one with `k3d cluster create {cluster}`',
      'docker-desktop': 'enable Kubernetes in the Docker Desktop settings',
    },
    applyFix: 'see the kubectl output above',
    rolloutFix:
      'the pods did not become ready: `kubectl get pods {namespace} --context {context}`, then `kubectl describe` and `kubectl logs` the failing one',
    dockerDesktopLoads: "Docker Desktop's cluster runs the images docker built: nothing to load",
    playFix: 'see the podman output above; `podman pod ps` lists what runs',
    podsRunning: 'pods of {names} running',
    podsFix: 'see `podman pod ps` and `podman ps -a --pod`, and the logs: `podman logs <container>`',
    nothingToRemove: 'nothing to remove: no pod of {names} exists',
    noPod: 'no pod {name}: nothing to remove for it',
    stopFix: '`podman pod ps` lists what runs',
    downFix: '`podman pod ps` lists what runs; `podman pod rm -f <pod>` removes one',
    keptClaims: "kept, as a StatefulSet's claims outlive it: {claims} (the data of the next deploy); delete with {howToDelete}",
    leftOut:
      'left out, podman runs none: {objects}; each Deployment runs as a Pod of its name, and env addresses of Services name that Pod',
    onePodEach: 'one pod each, as podman has no replicas: {workloads}',
    probesLeftOut:
      'probes left out in {pods}: podman would run them as curl healthchecks the images cannot run, and restart the containers',
    portsLeftOut:
      "ports left out in {pods}: podman would publish every containerPort on the host's 0.0.0.0; pods reach each other by name, and `podman exec` reaches a pod from inside",
    classicSidecars: 'run as classic sidecars, as podman 4 starts nothing after a native one: {containers}',
    deployed: '✓ deployed. Look at it:',
  },
  /** `npm run dev` (scripts/dev.mjs, lib/dev-plan.mjs). */
  dev: {
    missingBuild: '{name}: {script} is missing; run `npm run build`',
    portTwice: 'port {port} is wanted by both {first} and {second}; locally they share one network, so give one another port in k8s/',
    portBusy:
      'port {port} ({name}) is already in use on this machine: stop what listens there (see `lsof -i :{port}`), e.g. another `npm run dev`',
    running: 'Running {names} (Ctrl-C stops them)',
    claim: 'PersistentVolumeClaim {claim}: {dir} (kept after dev stops; delete it to start empty)',
    started: 'started, pid {pid}',
    bySignal: 'signal {signal}',
    byCode: 'code {code}',
    stopped: 'stopped ({how})',
    restarting: 'exited ({how}); restarting in {seconds} s',
    killing: 'still running after {seconds} s: SIGKILL',
    stillStopping: '(still stopping: each container gets its grace period)',
    parentGone: 'parent process gone',
    stoppingPeers: '{why}: stopping in reverse start order',
    stoppingPod: '{why}: stopping the app first, then its helpers, then the companions',
    noAnswer: '{url} did not answer in 30 s; starting the next containers anyway',
  },
};
