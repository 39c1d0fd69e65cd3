#!/usr/bin/env bash
# Stops what start.sh started: the kubelet first (so nothing restarts the pods), then the pods'
# containers through containerd, containerd itself, and the control plane (the scheduler and
# controllers first, etcd last), waiting up to 15 s for each before killing it. Then it unmounts
# what the kubelet and containerd left mounted under the cluster's state (volumes, root
# filesystems), so that the directory can be deleted. A stopped cluster is a no-op.
#
#   stop.sh           stop; etcd's data, the node's state and the certificates are kept
#   stop.sh --purge   stop and delete the cluster's whole state directory
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"
source "${TOOLS_DIR}/node.sh"

purge=false
case "${1:-}" in
  --purge) purge=true ;;
  "") ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac

pids="${CLUSTER_DIR}/pids"
stop_process() {
  local name="$1" file="${pids}/$1" pid
  [[ -f "${file}" ]] || return 0
  pid="$(cat "${file}")"
  if kill -TERM "${pid}" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "${pid}" 2>/dev/null || true
    echo "[kubernetes] stopped ${name}" >&2
  fi
  rm -f "${file}"
}

stop_process kubelet
if [[ -f "${pids}/containerd" ]] && ctr_node version >/dev/null 2>&1; then
  containers="$(ctr_node containers ls -q)"
  for id in ${containers}; do
    ctr_node tasks kill --signal SIGKILL "${id}" >/dev/null 2>&1 || true
  done
  for id in ${containers}; do
    for _ in $(seq 1 20); do
      ctr_node tasks delete "${id}" >/dev/null 2>&1 && break
      ctr_node tasks ls -q | grep -qxF "${id}" || break
      sleep 0.25
    done
    ctr_node containers delete "${id}" >/dev/null 2>&1 || true
  done
  [[ -z "${containers}" ]] || echo "[kubernetes] removed $(wc -w <<<"${containers}") pod containers" >&2
fi
stop_process containerd
# Pods the kubelet did not tear down (it was stopped first) leave their shims and network
# namespaces behind: ours are the shims of this containerd and the namespaces holding a pod address.
pkill -KILL -f "containerd-shim-runc-v2 .*-address ${CONTAINERD_SOCKET}" 2>/dev/null || true
pod_prefix="$(cut -d. -f1-3 <<<"${POD_SUBNET}")."
for netns in $(ip netns list 2>/dev/null | awk '$1 ~ /^cni-/ {print $1}'); do
  if ip -n "${netns}" -4 -o addr show 2>/dev/null | grep -qF " inet ${pod_prefix}"; then
    ip netns delete "${netns}" 2>/dev/null || true
  fi
done
for name in kube-scheduler kube-controller-manager kube-apiserver etcd; do
  stop_process "${name}"
done

# Deepest first; a mount still busy is detached lazily rather than blocking the stop.
if [[ -d "${CLUSTER_DIR}" ]]; then
  cluster_dir="$(cd "${CLUSTER_DIR}" && pwd -P)"
  findmnt -rn -o TARGET | awk -v dir="${cluster_dir}/" 'index($0, dir) == 1' | sort -r | while read -r target; do
    umount "${target}" 2>/dev/null || umount -l "${target}" 2>/dev/null || true
  done
fi
if ${purge}; then
  rm -rf "${CLUSTER_DIR}"
  echo "[kubernetes] removed ${CLUSTER_DIR}" >&2
fi
