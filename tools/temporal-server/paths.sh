# Sourced by build.sh and run.sh: the one place that knows the pinned version and where the
# built binaries live (outside the repository, reused across clones and CI runs).
#
# Pinned: the newest release whose go.mod asks for no newer Go than the toolchain installed here
# (go1.26.8). v1.32.2 and v1.31.5 declare go 1.26.10, which would make `go` fetch another
# toolchain; build.sh sets GOTOOLCHAIN=local so that never happens silently.
TEMPORAL_VERSION="v1.32.1"

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_ROOT="${PAYMENTFLOW_CACHE:-${HOME}/.cache/paymentflow}"
INSTALL_DIR="${CACHE_ROOT}/temporal-server/${TEMPORAL_VERSION}"
SERVER_BIN="${INSTALL_DIR}/temporal-server"
# The server's schema tool (go.temporal.io/server/cmd/tools/sql), for the PostgreSQL store.
SQL_TOOL_BIN="${INSTALL_DIR}/temporal-sql-tool"
# Our init helper is rebuilt whenever its source changes: its name carries a hash of it.
INIT_HASH="$(cat "${TOOLS_DIR}"/init/go.mod "${TOOLS_DIR}"/init/go.sum "${TOOLS_DIR}"/init/*.go \
  | sha256sum | cut -c1-12)"
INIT_BIN="${INSTALL_DIR}/temporal-pf-init-${INIT_HASH}"
