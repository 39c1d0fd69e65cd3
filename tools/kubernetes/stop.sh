#!/usr/bin/env bash
# Stops what start.sh started (the scheduler and controllers first, etcd last), waiting up to 15 s
# for each before killing it. A stopped cluster is a no-op.
#
#   stop.sh           stop; etcd's data and the certificates are kept for the next start
#   stop.sh --purge   stop and delete the cluster's whole state directory
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

pids="${CLUSTER_DIR}/pids"
for name in kube-scheduler kube-controller-manager kube-apiserver etcd; do
  file="${pids}/${name}"
  [[ -f "${file}" ]] || continue
  pid="$(cat "${file}")"
  if kill -TERM "${pid}" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "${pid}" 2>/dev/null || true
    echo "[kubernetes] stopped ${name}" >&2
  fi
  rm -f "${file}"
done
case "${1:-}" in
  --purge) rm -rf "${CLUSTER_DIR}"; echo "[kubernetes] removed ${CLUSTER_DIR}" >&2 ;;
  "") ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac
