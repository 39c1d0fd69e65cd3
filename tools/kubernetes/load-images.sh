#!/usr/bin/env bash
# Makes the four app images available to the node's containerd, as the dev overlay expects them:
# imports each Jib tar (<module>/target/jib-image.tar) and tags it docker.io/paymentflow/<app>:dev.
# The overlay's pods use imagePullPolicy IfNotPresent, so they start from these without a registry.
# Builds the tars first when one is missing (images/build-images.sh, offline).
#
#   load-images.sh            import (and build if missing) the four images into the running node
#   load-images.sh --rebuild  build the tars again first, for a changed app
#
# Exit codes: 0 every image is in the node's image store, 2 usage, 3 no node running, other: the
# build or an import failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"
source "${TOOLS_DIR}/node.sh"

log() { echo "[kubernetes images] $*" >&2; }
root="$(cd "${TOOLS_DIR}/../.." && pwd)"
apps=(kafka-bridge workflow-worker activity-worker-inference activity-worker-db)

rebuild=false
case "${1:-}" in
  --rebuild) rebuild=true ;;
  "") ;;
  *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
esac
ctr_node version >/dev/null 2>&1 || { log "no node running (${CONTAINERD_SOCKET}): run start.sh"; exit 3; }

missing=false
for app in "${apps[@]}"; do
  [[ -f "${root}/${app}/target/jib-image.tar" ]] || missing=true
done
if ${rebuild} || ${missing}; then
  log "building the image tars (images/build-images.sh)"
  "${root}/images/build-images.sh" >&2
fi

for app in "${apps[@]}"; do
  tar="${root}/${app}/target/jib-image.tar"
  start=${SECONDS}
  # ctr names a Docker-format tar by its RepoTags, normalized: docker.io/paymentflow/<app>:<version>.
  built="$(tar -xOf "${tar}" manifest.json | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p')"
  [[ -n "${built}" ]] || { log "no RepoTags in ${tar}"; exit 1; }
  [[ "${built}" == */*/* ]] || built="docker.io/${built}"
  dev="docker.io/paymentflow/${app}:dev"
  ctr_node images import "${tar}" >/dev/null
  [[ "${built}" == "${dev}" ]] || ctr_node images tag --force "${built}" "${dev}" >/dev/null
  has_image "${dev}" || { log "${dev} is not in the node's image store after importing ${tar}"; exit 1; }
  log "${dev} from ${tar#"${root}/"} ($((SECONDS - start))s)"
done
