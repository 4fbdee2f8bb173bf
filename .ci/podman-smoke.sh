#!/usr/bin/env bash
# Smoke test of the container engine itself, independent of the generator:
# builds a two-container pod (restricted securityContext, read-only root, shared emptyDir,
# one server on 127.0.0.1 only) from localhost/node-base:24-bookworm and runs it with
# `podman kube play`. Fails fast with a clear message when podman cannot run pods here,
# so an e2e failure afterwards is the generator's, not the machine's.
#
#   .ci/podman-setup.sh && .ci/podman-smoke.sh
#
# Everything is made in a temp dir outside the repo and removed again, with unique
# names (pod, image, volume) and no published ports, so it can run beside other pods.
set -euo pipefail

ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=podman-env.sh
. "$ci_dir/podman-env.sh"

id="ppsmoke-$$"
image="localhost/$id:dev"
work=$(mktemp -d "${TMPDIR:-/tmp}/$id.XXXXXX")
log() { printf '[podman-smoke] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; podman ps -a --filter "pod=$id-pod-0" --format '{{.Names}} {{.Status}}' >&2 || true; exit 1; }
cleanup() {
  podman kube down "$work/pod.yaml" >/dev/null 2>&1 || true
  podman rmi -f "$image" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

podman image exists "$PODMAN_BASE_IMAGE" || fail "$PODMAN_BASE_IMAGE missing: run .ci/podman-setup.sh first"

mkdir -p "$work/ctx"
cat >"$work/ctx/index.cjs" <<'EOF'
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const { ROLE, PORT, HOST, SHARED } = process.env;
fs.appendFileSync(`${SHARED}/${ROLE}.txt`, `${ROLE} uid=${process.getuid()}\n`);
http.createServer((req, res) => res.end(JSON.stringify({ role: ROLE, files: fs.readdirSync(SHARED).sort() })))
  .listen(Number(PORT), HOST, () => console.log(`${ROLE} listening on ${HOST}:${PORT}`));
process.on('SIGTERM', () => { console.log(`${ROLE} stopping`); process.exit(0); });
EOF
cat >"$work/ctx/Dockerfile" <<'EOF'
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
WORKDIR /app
COPY index.cjs /app/index.cjs
USER 10001:10001
CMD ["node", "/app/index.cjs"]
EOF
# No `ports:` (podman 4.3 would publish them on the host) and no probes (they become
# podman healthchecks); a volume name unique to this run (podman volumes are global).
cat >"$work/pod.yaml" <<EOF
apiVersion: apps/v1
kind: Deployment
metadata: {name: $id}
spec:
  replicas: 1
  selector: {matchLabels: {app: $id}}
  template:
    metadata: {labels: {app: $id}}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: {type: RuntimeDefault}}
      containers:
$(for c in main:0.0.0.0:18111 helper:127.0.0.1:9000; do IFS=: read -r role host port <<<"$c"; cat <<EOC
        - name: $role
          image: $image
          imagePullPolicy: IfNotPresent
          env: [{name: ROLE, value: $role}, {name: HOST, value: "$host"}, {name: PORT, value: "$port"}, {name: SHARED, value: /shared}]
          volumeMounts: [{name: $id-shared, mountPath: /shared}]
          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
          resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {cpu: 500m, memory: 128Mi}}
EOC
done)
      volumes: [{name: $id-shared, emptyDir: {sizeLimit: 16Mi}}]
EOF

t0=$(date +%s.%N)
podman build -q --isolation=chroot --build-arg BASE_IMAGE="$PODMAN_BASE_IMAGE" -t "$image" "$work/ctx" >/dev/null \
  || fail "podman build"
# kube play prints harmless errors when there is no systemd (healthcheck timers, syslog).
podman kube play "$work/pod.yaml" >"$work/play.log" 2>&1 || { cat "$work/play.log" >&2; fail "podman kube play"; }

get='require("http").get(process.argv[1],r=>{let b="";r.on("data",d=>b+=d);r.on("end",()=>{console.log(b);process.exit(r.statusCode===200?0:1)})}).on("error",e=>{console.error(e.message);process.exit(1)})'
out=""
for _ in $(seq 1 50); do
  out=$(podman exec "$id-pod-0-main" node -e "$get" http://127.0.0.1:9000/ 2>/dev/null) && break
  sleep 0.2
done
case "$out" in
  *'"role":"helper"'*'"helper.txt","main.txt"'*) ;;
  *) podman logs "$id-pod-0-main" >&2 || true; podman logs "$id-pod-0-helper" >&2 || true
     fail "main could not GET helper on 127.0.0.1:9000, or the shared emptyDir lacks a file (got: ${out:-nothing})" ;;
esac
podman logs "$id-pod-0-helper" 2>&1 | grep -q 'helper listening on 127.0.0.1:9000' || fail "podman logs <deployment>-pod-0-<container>"
podman pod stop -t 10 "$id-pod-0" >/dev/null
podman logs "$id-pod-0-main" 2>&1 | grep -q 'main stopping' || fail "SIGTERM not delivered by podman pod stop"
awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "[podman-smoke] ok: build, kube play, loopback, shared emptyDir, logs, stop (%.1fs)\n", b - a }' >&2
