#!/usr/bin/env bash
# Builds a real Temporal server from the Go module proxy (go.temporal.io/server/cmd/server), its
# schema tool (cmd/tools/sql) and our small init helper (init/), into a cache OUTSIDE the
# repository, so tests and CI can run a multi-process Temporal on a SQLite file or on
# PostgreSQL. See README.md.
#
#   build.sh               build what is missing (a fast no-op when all three are cached)
#   build.sh --print-path  print the server binary path (built or not) and exit 0
#   build.sh --check       exit 0 if all three binaries are present, 1 otherwise (builds nothing)
#
# Env: PAYMENTFLOW_CACHE (default $HOME/.cache/paymentflow); GO (default: go on PATH, else
# /usr/local/go/bin/go). Exit codes: 0 built/present, 3 no Go, other non-zero: build failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

log() { echo "[temporal-server build] $*" >&2; }
built() { [[ -x "${SERVER_BIN}" && -x "${INIT_BIN}" && -x "${SQL_TOOL_BIN}" ]]; }

case "${1:-}" in
  --print-path) echo "${SERVER_BIN}"; exit 0 ;;
  --check) built && exit 0 || exit 1 ;;
  "") ;;
  *) echo "usage: $0 [--print-path|--check]" >&2; exit 2 ;;
esac

if built; then
  log "already built: ${SERVER_BIN}"
  exit 0
fi

source "${TOOLS_DIR}/../find-go.sh"
find_go "tests that need the Temporal server (Temporal ${TEMPORAL_VERSION} needs Go >= 1.26.8)"

mkdir -p "${INSTALL_DIR}"
# Concurrent test runs may call this at once: one builds, the others wait and then reuse.
exec 9>"${INSTALL_DIR}/.build.lock"
flock 9
if built; then
  log "built by a concurrent run: ${SERVER_BIN}"
  exit 0
fi

STAGING="$(mktemp -d "${INSTALL_DIR}/.staging.XXXXXX")"
trap 'rm -rf "${STAGING}"' EXIT
# Pure-Go SQLite (modernc.org/sqlite), so no C toolchain is needed; -s -w drops debug info to
# shrink the binary; GOTOOLCHAIN=local refuses to download a different Go; the same flags for
# both builds let the init helper reuse the server's compiled packages from Go's build cache.
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-trimpath"

start=$(date +%s)
if [[ ! -x "${SERVER_BIN}" ]]; then
  log "building go.temporal.io/server/cmd/server@${TEMPORAL_VERSION} (2 cores: ~10 min cold)..."
  GOBIN="${STAGING}" "${GO_CMD}" install -ldflags='-s -w' \
    "go.temporal.io/server/cmd/server@${TEMPORAL_VERSION}"
  mv "${STAGING}/server" "${SERVER_BIN}"
  log "server built in $(( $(date +%s) - start ))s ($(du -h "${SERVER_BIN}" | cut -f1))"
fi

if [[ ! -x "${SQL_TOOL_BIN}" ]]; then
  log "building temporal-sql-tool (go.temporal.io/server/cmd/tools/sql@${TEMPORAL_VERSION})..."
  GOBIN="${STAGING}" "${GO_CMD}" install -ldflags='-s -w' \
    "go.temporal.io/server/cmd/tools/sql@${TEMPORAL_VERSION}"
  mv "${STAGING}/sql" "${SQL_TOOL_BIN}"
fi

log "building the init helper (schema + namespaces)..."
rm -f "${INSTALL_DIR}"/temporal-pf-init-* # stale builds of older helper sources
(cd "${TOOLS_DIR}/init" && "${GO_CMD}" build -mod=readonly -ldflags='-s -w' \
  -o "${STAGING}/init" .)
mv "${STAGING}/init" "${INIT_BIN}"
log "done in $(( $(date +%s) - start ))s: ${SERVER_BIN}"
