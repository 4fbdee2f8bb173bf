# Source me (bash or sh): environment for podman on CI machines and in the e2e tests.
#   . .ci/podman-env.sh
# Points podman at the committed containers.conf (runc, no default ulimits, cgroupfs)
# and names the local base image the generated Dockerfiles build FROM.
# Sets nothing that is already set, so a caller can override any of these.

if [ -n "${BASH_SOURCE:-}" ]; then
  _pp_ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
else
  # POSIX sh has no BASH_SOURCE: assume we are sourced from the repo root.
  _pp_ci_dir=$(pwd)/.ci
fi

export CONTAINERS_CONF="${CONTAINERS_CONF:-$_pp_ci_dir/containers.conf}"
# Base image made by .ci/podman-setup.sh (debootstrap bookworm + the official Node 24 binary).
export PODMAN_BASE_IMAGE="${PODMAN_BASE_IMAGE:-localhost/node-base:24-bookworm}"
# Cache for anything the setup makes outside podman's own store; never inside the repo.
export POD_PATTERN_CACHE="${POD_PATTERN_CACHE:-/var/cache/create-pod-pattern}"
unset _pp_ci_dir
