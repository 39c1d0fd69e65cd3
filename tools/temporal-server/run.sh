#!/usr/bin/env bash
# Runs paymentflow's single-node Temporal server in the FOREGROUND (exec), so a test harness
# can start it with ProcessBuilder, kill -9 it, and start it again on the same data dir.
#
#   run.sh <data-dir> <base-port>
#
# <data-dir>   holds temporal.db (SQLite: temporal + visibility stores); created if missing,
#              reused as is otherwise, so workflows survive a restart.
# <base-port>  B: clients connect to 127.0.0.1:B (frontend gRPC); the server also binds
#              B+1..B+8 (layout in config/temporal-sqlite.yaml), so pick B with 9 free ports.
# Env: TEMPORAL_PF_NAMESPACES (default "default"; comma-separated, registered before start),
#      TEMPORAL_PF_LOG_LEVEL (default warn), PAYMENTFLOW_CACHE (where build.sh put the binaries),
#      TEMPORAL_PF_DYNAMIC_CONFIG (a dynamic config file instead of config/dynamicconfig.yaml).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <data-dir> <base-port>" >&2
  exit 2
fi
data_dir="$1"
base_port="$2"
if ! [[ "${base_port}" =~ ^[0-9]+$ ]] || (( base_port < 1024 || base_port + 8 > 65535 )); then
  echo "run.sh: base port must be a number in 1024..65527, got '${base_port}'" >&2
  exit 2
fi
if [[ ! -x "${SERVER_BIN}" || ! -x "${INIT_BIN}" ]]; then
  echo "run.sh: Temporal server not built; run ${TOOLS_DIR}/build.sh first" >&2
  exit 3
fi

mkdir -p "${data_dir}"
data_dir="$(cd "${data_dir}" && pwd)"
# Two servers on one SQLite file would corrupt each other's shard ownership: hold an exclusive
# lock on the data dir for the server's whole life (the exec'd server inherits fd 8; the kernel
# drops the lock the moment the process dies, kill -9 included).
exec 8>"${data_dir}/.lock"
if ! flock -n 8; then
  echo "run.sh: ${data_dir} is in use by another Temporal server" >&2
  exit 4
fi
export TEMPORAL_PF_DB_FILE="${data_dir}/temporal.db"
export TEMPORAL_PF_BASE_PORT="${base_port}"
export TEMPORAL_PF_DYNAMIC_CONFIG="${TEMPORAL_PF_DYNAMIC_CONFIG:-${TOOLS_DIR}/config/dynamicconfig.yaml}"
export TEMPORAL_PF_LOG_LEVEL="${TEMPORAL_PF_LOG_LEVEL:-warn}"

# Schema and namespaces first (idempotent, crash-safe), then become the server.
"${INIT_BIN}" -db "${TEMPORAL_PF_DB_FILE}" -namespaces "${TEMPORAL_PF_NAMESPACES:-default}"
exec "${SERVER_BIN}" --config-file "${TOOLS_DIR}/config/temporal-sqlite.yaml" --allow-no-auth start
