#!/usr/bin/env bash
# Runs paymentflow's single-node Temporal server in the FOREGROUND (exec), so a test harness
# can start it with ProcessBuilder, kill -9 it, and start it again on the same data dir.
#
#   run.sh <data-dir> <base-port>
#
# <data-dir>   SQLite: holds temporal.db (temporal + visibility stores); created if missing,
#              reused as is otherwise, so workflows survive a restart. PostgreSQL: holds only
#              the lock that keeps a second server off the same databases.
# <base-port>  B: clients connect to 127.0.0.1:B (frontend gRPC); the server also binds
#              B+1..B+8 (layout in config/temporal.yaml), so pick B with 9 free ports.
# Env: TEMPORAL_PF_NAMESPACES (default "default"; comma-separated, registered before start),
#      TEMPORAL_PF_LOG_LEVEL (default warn), PAYMENTFLOW_CACHE (where build.sh put the binaries),
#      TEMPORAL_PF_DYNAMIC_CONFIG (a dynamic config file instead of config/dynamicconfig.yaml),
#      TEMPORAL_PF_PPROF_PORT (unset: off; else Go's pprof on 127.0.0.1 at that port),
#      TEMPORAL_PF_STORE (sqlite, the default, or postgres). For postgres:
#      TEMPORAL_PF_POSTGRES_HOST (localhost), _PORT (5432), _USER (temporal), _PASSWORD
#      (temporal), _DB (temporal; visibility goes to <db>_visibility), _MAX_CONNS (20). The user
#      needs CREATEDB for the first start; the databases and schemas are made and upgraded by the
#      server's own temporal-sql-tool, at every start (a no-op when current).
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
store="${TEMPORAL_PF_STORE:-sqlite}"
if [[ "${store}" != sqlite && "${store}" != postgres ]]; then
  echo "run.sh: TEMPORAL_PF_STORE must be sqlite or postgres, got '${store}'" >&2
  exit 2
fi
# Temporal's PostgreSQL schema keeps a member's port in a smallint (cluster_membership.rpc_port):
# a server listening above 32767 cannot register itself and exits at start.
if [[ "${store}" == postgres ]] && (( base_port + 8 > 32767 )); then
  echo "run.sh: with TEMPORAL_PF_STORE=postgres the ports must stay below 32768 (Temporal keeps" \
    "them in a smallint column); base port ${base_port} + 8 is above" >&2
  exit 2
fi
if [[ ! -x "${SERVER_BIN}" || ! -x "${INIT_BIN}" || ! -x "${SQL_TOOL_BIN}" ]]; then
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
export TEMPORAL_PF_STORE="${store}"
export TEMPORAL_PF_BASE_PORT="${base_port}"
export TEMPORAL_PF_DYNAMIC_CONFIG="${TEMPORAL_PF_DYNAMIC_CONFIG:-${TOOLS_DIR}/config/dynamicconfig.yaml}"
export TEMPORAL_PF_LOG_LEVEL="${TEMPORAL_PF_LOG_LEVEL:-warn}"

namespaces="${TEMPORAL_PF_NAMESPACES:-default}"
if [[ "${store}" == sqlite ]]; then
  export TEMPORAL_PF_DB_FILE="${data_dir}/temporal.db"
  # Schema and namespaces first (idempotent, crash-safe), then become the server.
  "${INIT_BIN}" -db "${TEMPORAL_PF_DB_FILE}" -namespaces "${namespaces}"
else
  pg_host="${TEMPORAL_PF_POSTGRES_HOST:-localhost}"
  pg_port="${TEMPORAL_PF_POSTGRES_PORT:-5432}"
  pg_db="${TEMPORAL_PF_POSTGRES_DB:-temporal}"
  export TEMPORAL_PF_POSTGRES_ADDR="${pg_host}:${pg_port}"
  export TEMPORAL_PF_POSTGRES_USER="${TEMPORAL_PF_POSTGRES_USER:-temporal}"
  export TEMPORAL_PF_POSTGRES_PASSWORD="${TEMPORAL_PF_POSTGRES_PASSWORD:-temporal}"
  export TEMPORAL_PF_POSTGRES_DB="${pg_db}"
  # The tool reads the password from SQL_PASSWORD, so it never shows in a process list.
  sql_tool() {
    SQL_PASSWORD="${TEMPORAL_PF_POSTGRES_PASSWORD}" "${SQL_TOOL_BIN}" --plugin postgres12 \
      --ep "${pg_host}" -p "${pg_port}" -u "${TEMPORAL_PF_POSTGRES_USER}" --db "$@"
  }
  : >"${data_dir}/sql-tool.log"
  for schema in temporal visibility; do
    db="${pg_db}"
    [[ "${schema}" == visibility ]] && db="${pg_db}_visibility"
    if ! output="$(sql_tool "${db}" create-database --defaultdb postgres 2>&1)"; then
      [[ "${output}" == *"already exists"* ]] || { echo "${output}" >&2; exit 5; }
    fi
    # Version tables (a no-op when present), then every versioned step the database lacks.
    sql_tool "${db}" setup-schema -v 0.0 >/dev/null 2>>"${data_dir}/sql-tool.log" \
      && sql_tool "${db}" update-schema --schema-name "postgresql/v12/${schema}" \
        >/dev/null 2>>"${data_dir}/sql-tool.log" \
      || { cat "${data_dir}/sql-tool.log" >&2; exit 5; }
  done
  "${INIT_BIN}" -postgres "${TEMPORAL_PF_POSTGRES_ADDR}" -postgres-user "${TEMPORAL_PF_POSTGRES_USER}" \
    -postgres-db "${pg_db}" -namespaces "${namespaces}"
fi
exec "${SERVER_BIN}" --config-file "${TOOLS_DIR}/config/temporal.yaml" --allow-no-auth start
