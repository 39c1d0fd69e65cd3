#!/usr/bin/env bash
# Builds a single-node Kubernetes cluster from the Go module proxy into a cache OUTSIDE the
# repository, as tools/temporal-server does: etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, the kubelet and a kubectl of the same version, plus this directory's pause (the pod
# sandbox image's binary) and runc-wrapper (the node's OCI runtime), with the CRDs the Kustomize
# components need. See README.md.
#
#   build.sh               build what is missing (a fast no-op when cached)
#   build.sh --print-path  print the directory holding the binaries and exit 0
#   build.sh --check       exit 0 if every binary is built, 1 otherwise (builds nothing)
#
# k8s.io/kubernetes replaces its k8s.io/* dependencies with ./staging directories, so `go install`
# refuses it. A wrapper module generated here requires it and replaces each of those with the
# published release of the same minor (read from its own go.mod, so a version bump needs no list).
#
# Env: PAYMENTFLOW_CACHE (default $HOME/.cache/paymentflow); GO (default: go on PATH, else
# /usr/local/go/bin/go). Exit codes: 0 built/present, 2 usage, 3 no Go, other: the build failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

log() { echo "[kubernetes build] $*" >&2; }

case "${1:-}" in
  --print-path) echo "${BIN_DIR}"; exit 0 ;;
  --check) binaries_built && exit 0 || exit 1 ;;
  "") ;;
  *) echo "usage: $0 [--print-path|--check]" >&2; exit 2 ;;
esac

if binaries_built; then
  log "already built: ${BIN_DIR}"
  exit 0
fi

source "${TOOLS_DIR}/../find-go.sh"
find_go "the cluster test"
go_cmd="${GO_CMD}"

mkdir -p "${INSTALL_DIR}"
exec 9>"${INSTALL_DIR}/.build.lock"
flock 9
if binaries_built; then
  log "built by a concurrent run: ${BIN_DIR}"
  exit 0
fi

fetch_crds() {
  local source module path dir
  rm -rf "${CRD_DIR}"
  mkdir -p "${CRD_DIR}"
  for source in "${CRD_SOURCES[@]}"; do
    read -r module path <<<"${source}"
    dir="$("${go_cmd}" mod download -json "${module}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
    cp "${dir}/${path}" "${CRD_DIR}/"
  done
  touch "${CRD_DIR}/.complete"
  log "CRDs: $(cd "${CRD_DIR}" && ls ./*.yaml | xargs -n1 basename | tr '\n' ' ')"
}
[[ -f "${CRD_DIR}/.complete" ]] || (cd "${INSTALL_DIR}" && fetch_crds)
if binaries_built; then
  exit 0
fi

module_dir="${INSTALL_DIR}/module"
rm -rf "${module_dir}" "${BIN_DIR}.staging"
mkdir -p "${BIN_DIR}.staging"
for command in "${LOCAL_COMMANDS[@]}"; do
  mkdir -p "${module_dir}/${command}"
  cp "${TOOLS_DIR}/${command}/"*.go "${module_dir}/${command}/"
done
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-trimpath -buildvcs=false"

upstream_mod="$(cd "${module_dir}" && "${go_cmd}" mod download -json "k8s.io/kubernetes@${KUBERNETES_VERSION}" \
  | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
[[ -f "${upstream_mod}" ]] || { log "ERROR: could not download k8s.io/kubernetes@${KUBERNETES_VERSION}"; exit 1; }
# Only what k8s.io/kubernetes requires: some staging modules (sample-cli-plugin) are not published
# at every patch release, and a replace of a module nothing requires would still be resolved.
required="$(awk '/^require \(/{inside=1; next} inside && /^\)/{inside=0} inside {print $1}' "${upstream_mod}" \
  | sort -u)"
{
  echo "module paymentflow.local/kubernetes-build"
  echo
  echo "go $(sed -n 's/^go //p' "${upstream_mod}")"
  echo
  echo "require k8s.io/kubernetes ${KUBERNETES_VERSION}"
  echo
  echo "replace ("
  sed -n 's#^[[:space:]]*\(k8s.io/[^ ]*\) => ./staging/src/.*#\1#p' "${upstream_mod}" | while read -r module; do
    if grep -qx "${module}" <<<"${required}"; then
      printf '\t%s => %s %s\n' "${module}" "${module}" "${STAGING_VERSION}"
    fi
  done
  echo ")"
} >"${module_dir}/go.mod"
log "wrapper module: $(grep -c '=> k8s.io' "${module_dir}/go.mod") staging modules pinned to ${STAGING_VERSION}"

start=$(date +%s)
log "building ${BINARIES[*]} (2 cores: ~15-25 min cold)..."
# One go build for all of them, so shared packages compile once; -mod=mod lets it record the versions
# it resolves (the generated go.mod and go.sum stay in the cache for inspection).
(cd "${module_dir}" && "${go_cmd}" build -mod=mod -ldflags="-s -w \
    -X k8s.io/component-base/version.gitVersion=${KUBERNETES_VERSION} \
    -X k8s.io/component-base/version.gitMajor=1 \
    -X k8s.io/component-base/version.gitMinor=$(cut -d. -f2 <<<"${KUBERNETES_VERSION}") \
    -X k8s.io/client-go/pkg/version.gitVersion=${KUBERNETES_VERSION}" \
  -o "${BIN_DIR}.staging/" \
  ./etcd \
  ./pause \
  ./runc-wrapper \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler \
  k8s.io/kubernetes/cmd/kubectl \
  k8s.io/kubernetes/cmd/kubelet)
# The wrapper rewrites every container's spec on some machines: its tests gate the build.
(cd "${module_dir}" && "${go_cmd}" test -mod=mod -count=1 ./runc-wrapper) >&2
local_sources_hash >"${BIN_DIR}.staging/.local-sources"
rm -rf "${BIN_DIR}"
mv "${BIN_DIR}.staging" "${BIN_DIR}"
log "built in $(( $(date +%s) - start ))s: ${BIN_DIR} ($(du -sh "${BIN_DIR}" | cut -f1))"
