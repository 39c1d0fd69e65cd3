# Sourced by the build scripts under tools/: find_go sets GO_CMD to a working Go toolchain, from
# $GO, else `go` on PATH, else /usr/local/go/bin/go, or logs why not and exits 3 (the scripts' "no
# Go" code, on which CI and the tests skip what needs the tool). Needs the caller's log function.
#
#   find_go "<what skips without Go>"
find_go() {
  GO_CMD="${GO:-}"
  if [[ -z "${GO_CMD}" ]]; then
    if command -v go >/dev/null 2>&1; then
      GO_CMD="$(command -v go)"
    elif [[ -x /usr/local/go/bin/go ]]; then
      GO_CMD=/usr/local/go/bin/go
    else
      log "ERROR: Go is not installed (no 'go' on PATH, no /usr/local/go/bin/go); $1 will skip."
      exit 3
    fi
  fi
  if ! "${GO_CMD}" version >/dev/null 2>&1; then
    log "ERROR: '${GO_CMD}' is not a working Go toolchain; $1 will skip."
    exit 3
  fi
  log "using $("${GO_CMD}" version)"
}
