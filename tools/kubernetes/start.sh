#!/usr/bin/env bash
# Starts the single-node cluster built by build.sh in the background: etcd, kube-apiserver,
# kube-controller-manager and kube-scheduler, then the node (containerd, the pod sandbox image and
# the kubelet), with certificates it makes once, and writes a kubeconfig for it. Returns when the API
# server is ready and the node is Ready. Idempotent: a running cluster is left as it is. On a machine
# that cannot run the node (node_missing in paths.sh says why) it starts the control plane alone:
# Deployments get their ReplicaSets and Pods, and Pods stay Pending.
#
#   start.sh           start (or keep) the cluster; prints the kubeconfig's path last
#   start.sh --fresh   stop a running one and wipe etcd's and the node's state first (certificates
#                      are kept)
#
# Env: PAYMENTFLOW_KUBE_DIR (state; default ~/.cache/paymentflow/kubernetes/cluster),
# PAYMENTFLOW_KUBE_PORT (API server, default 16443), PAYMENTFLOW_ETCD_PORT (default 12379; the peer
# port is the next one), PAYMENTFLOW_KUBELET_PORT (default 10250), PAYMENTFLOW_POD_SUBNET (default
# 10.244.0.0/24). Exit codes: 0 ready, 2 usage, 3 not built, 4 did not become ready.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

log() { echo "[kubernetes] $*" >&2; }
fresh=false
case "${1:-}" in
  --fresh) fresh=true ;;
  "") ;;
  *) echo "usage: $0 [--fresh]" >&2; exit 2 ;;
esac
binaries_built || { log "not built: run ${TOOLS_DIR}/build.sh first"; exit 3; }

pki="${CLUSTER_DIR}/pki"
logs="${CLUSTER_DIR}/logs"
pids="${CLUSTER_DIR}/pids"
kubectl=("${BIN_DIR}/kubectl" --kubeconfig "${KUBECONFIG_FILE}")

ready() { "${kubectl[@]}" get --raw /readyz >/dev/null 2>&1; }
running() { [[ -f "${pids}/$1" ]] && kill -0 "$(cat "${pids}/$1")" 2>/dev/null; }

if ${fresh}; then
  "${TOOLS_DIR}/stop.sh"
  rm -rf "${CLUSTER_DIR}/etcd" "${CLUSTER_DIR}/node" "${logs}"
elif running kube-apiserver && ready && { [[ -n "$(node_missing)" ]] || running kubelet; }; then
  log "already running: ${KUBECONFIG_FILE}"
  echo "${KUBECONFIG_FILE}"
  exit 0
fi
mkdir -p "${pki}" "${logs}" "${pids}"

# The address the API server advertises in the default/kubernetes Endpoints: it must not be loopback.
host_ip="$(hostname -I | awk '{print $1}')"
[[ -n "${host_ip}" ]] || { log "no non-loopback address to advertise"; exit 4; }

if [[ ! -f "${pki}/admin.crt" ]]; then
  log "making certificates in ${pki}"
  (
    cd "${pki}"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=paymentflow-test-ca" \
      -keyout ca.key -out ca.crt 2>/dev/null
    sign() { # name subject extensions
      openssl req -newkey rsa:2048 -nodes -sha256 -subj "$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null
      openssl x509 -req -sha256 -days 3650 -CA ca.crt -CAkey ca.key -CAcreateserial \
        -in "$1.csr" -out "$1.crt" -extfile <(printf '%s\n' "$3") 2>/dev/null
      rm -f "$1.csr"
    }
    sign apiserver "/CN=kube-apiserver" "$(printf '%s\n' 'extendedKeyUsage=serverAuth' \
      "subjectAltName=IP:127.0.0.1,IP:${host_ip},IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local")"
    # system:masters: the test's administrator, and the controllers' and scheduler's identity.
    sign admin "/O=system:masters/CN=paymentflow-admin" 'extendedKeyUsage=clientAuth'
    # The kubelet's identity: the Node authorizer and NodeRestriction limit it to its own node.
    sign kubelet "/O=system:nodes/CN=system:node:${NODE_NAME}" 'extendedKeyUsage=clientAuth'
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    chmod 600 ./*.key
  )
fi

write_kubeconfig() { # file identity: a kubeconfig for the API server as pki/<identity>.crt
  local file="$1" identity="$2"
  "${BIN_DIR}/kubectl" config set-cluster paymentflow --kubeconfig "${file}" \
    --server "https://127.0.0.1:${APISERVER_PORT}" --certificate-authority "${pki}/ca.crt" --embed-certs >/dev/null
  "${BIN_DIR}/kubectl" config set-credentials "${identity}" --kubeconfig "${file}" \
    --client-certificate "${pki}/${identity}.crt" --client-key "${pki}/${identity}.key" --embed-certs >/dev/null
  "${BIN_DIR}/kubectl" config set-context paymentflow --kubeconfig "${file}" \
    --cluster paymentflow --user "${identity}" >/dev/null
  "${BIN_DIR}/kubectl" config use-context paymentflow --kubeconfig "${file}" >/dev/null
  chmod 600 "${file}"
}
write_kubeconfig "${KUBECONFIG_FILE}" admin

launch() { # name command args...: in its own session, so stop.sh can end it and nothing else does
  local name="$1"; shift
  running "${name}" && return 0
  setsid "$@" >"${logs}/${name}.log" 2>&1 </dev/null &
  echo $! >"${pids}/${name}"
}

peer_port=$((ETCD_PORT + 1))
# A disposable test cluster: fsync off keeps etcd fast on a busy CI disk.
launch etcd "${BIN_DIR}/etcd" --name paymentflow --data-dir "${CLUSTER_DIR}/etcd" --log-level warn --unsafe-no-fsync \
  --listen-client-urls "http://127.0.0.1:${ETCD_PORT}" --advertise-client-urls "http://127.0.0.1:${ETCD_PORT}" \
  --listen-peer-urls "http://127.0.0.1:${peer_port}" --initial-advertise-peer-urls "http://127.0.0.1:${peer_port}" \
  --initial-cluster "paymentflow=http://127.0.0.1:${peer_port}"

launch kube-apiserver "${BIN_DIR}/kube-apiserver" --etcd-servers "http://127.0.0.1:${ETCD_PORT}" \
  --secure-port "${APISERVER_PORT}" --advertise-address "${host_ip}" \
  --tls-cert-file "${pki}/apiserver.crt" --tls-private-key-file "${pki}/apiserver.key" \
  --client-ca-file "${pki}/ca.crt" --authorization-mode Node,RBAC \
  --enable-admission-plugins NodeRestriction \
  --kubelet-client-certificate "${pki}/admin.crt" --kubelet-client-key "${pki}/admin.key" \
  --kubelet-preferred-address-types InternalIP \
  --service-account-issuer https://kubernetes.default.svc.cluster.local \
  --service-account-key-file "${pki}/sa.pub" --service-account-signing-key-file "${pki}/sa.key" \
  --service-cluster-ip-range 10.96.0.0/16 --profiling=false

for _ in $(seq 1 120); do ready && break; sleep 0.5; done
ready || { log "the API server did not become ready; see ${logs}/kube-apiserver.log"; exit 4; }

# Both serve no port of their own (0): nothing here scrapes them, and fixed ports could clash.
launch kube-controller-manager "${BIN_DIR}/kube-controller-manager" --kubeconfig "${KUBECONFIG_FILE}" --leader-elect=false --secure-port 0 \
  --service-account-private-key-file "${pki}/sa.key" --root-ca-file "${pki}/ca.crt" \
  --use-service-account-credentials --cluster-signing-cert-file "${pki}/ca.crt" \
  --cluster-signing-key-file "${pki}/ca.key" --profiling=false
launch kube-scheduler "${BIN_DIR}/kube-scheduler" --kubeconfig "${KUBECONFIG_FILE}" --leader-elect=false \
  --secure-port 0 --profiling=false

log "control plane ready ($(${kubectl[@]} version -o yaml 2>/dev/null | sed -n 's/^  gitVersion: //p' | tail -n 1)); logs in ${logs}"

missing="$(node_missing)"
if [[ -n "${missing}" ]]; then
  log "no node: ${missing}; Pods will stay Pending"
else
  source "${TOOLS_DIR}/node.sh"
  start_node
fi
echo "${KUBECONFIG_FILE}"
