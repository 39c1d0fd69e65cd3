#!/usr/bin/env bash
# Builds a Go command-line tool the tests use from the Go module proxy into a cache OUTSIDE the
# repository (like tools/temporal-server), so a fresh machine needs only Go. See README.md.
#
#   build.sh <tool>               build it if missing (a fast no-op when cached)
#   build.sh <tool> --print-path  print the binary's path (built or not) and exit 0
#   build.sh <tool> --check       exit 0 if it is built, 1 otherwise (builds nothing)
#
# Tools: promtool (Prometheus's rule checker), temporal (the Temporal CLI).
# Env: PAYMENTFLOW_CACHE (default $HOME/.cache/paymentflow); GO (default: go on PATH, else
# /usr/local/go/bin/go). Exit codes: 0 built/present, 2 usage, 3 no Go, other: the build failed.
set -euo pipefail

tool="${1:-}"
case "${tool}" in
  # Pinned: the newest releases whose go.mod asks for no newer Go than the toolchain here (1.26.8).
  promtool)
    package="github.com/prometheus/prometheus/cmd/promtool"
    version="v0.316.0"
    ldflags="-s -w"
    ;;
  # v1.9.1 needs github.com/temporalio/cli/cliext, a nested module the proxy does not serve (its
  # go.mod replaces it with a directory its own zip leaves out), so neither `go install` nor a
  # wrapper module can build it. v1.5.1 has no such dependency and installs as it is.
  temporal)
    package="github.com/temporalio/cli/cmd/temporal"
    version="v1.5.1"
    ldflags="-s -w -X github.com/temporalio/cli/temporalcli.Version=${version#v}"
    ;;
  *)
    echo "usage: $0 promtool|temporal [--print-path|--check]" >&2
    exit 2
    ;;
esac

install_dir="${PAYMENTFLOW_CACHE:-${HOME}/.cache/paymentflow}/go-tools/${tool}/${version}"
binary="${install_dir}/${tool}"
log() { echo "[${tool} build] $*" >&2; }

case "${2:-}" in
  --print-path) echo "${binary}"; exit 0 ;;
  --check) [[ -x "${binary}" ]] && exit 0 || exit 1 ;;
  "") ;;
  *) echo "usage: $0 ${tool} [--print-path|--check]" >&2; exit 2 ;;
esac

if [[ -x "${binary}" ]]; then
  log "already built: ${binary}"
  exit 0
fi

source "$(dirname "${BASH_SOURCE[0]}")/../find-go.sh"
find_go "tests that need ${tool}"
go_cmd="${GO_CMD}"

mkdir -p "${install_dir}"
# Concurrent runs: one builds, the others wait and then reuse.
exec 9>"${install_dir}/.build.lock"
flock 9
if [[ -x "${binary}" ]]; then
  log "built by a concurrent run: ${binary}"
  exit 0
fi

staging="$(mktemp -d "${install_dir}/.staging.XXXXXX")"
trap 'rm -rf "${staging}"' EXIT
# Pure Go (no C toolchain), GOTOOLCHAIN=local refuses to download another Go silently.
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-trimpath"
start=$(date +%s)
log "building ${package}@${version} with $("${go_cmd}" version | cut -d ' ' -f 3) (2 cores: a few minutes cold)..."
GOBIN="${staging}" "${go_cmd}" install -ldflags="${ldflags}" "${package}@${version}"
mv "${staging}/${tool}" "${binary}"
log "built in $(( $(date +%s) - start ))s: ${binary}"
