# Sourced by the scripts here: the one place that knows the pinned versions, where the built
# binaries live (outside the repository, reused across clones and CI runs) and where a running
# cluster keeps its state.
#
# Pinned: Kubernetes v1.36.3, whose go.mod asks for go 1.26.0 (the toolchain here is 1.26.8). Its
# staging modules (k8s.io/api, k8s.io/client-go, ...) are published as v0.36.3; etcd is the server
# Kubernetes v1.36.3 itself depends on (go.etcd.io/etcd/server/v3 v3.6.8).
KUBERNETES_VERSION="v1.36.3"
STAGING_VERSION="v0.36.3"

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_ROOT="${PAYMENTFLOW_CACHE:-${HOME}/.cache/paymentflow}"
INSTALL_DIR="${CACHE_ROOT}/kubernetes/${KUBERNETES_VERSION}"
BIN_DIR="${INSTALL_DIR}/bin"
BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kubelet pause runc-wrapper)
# The CustomResourceDefinitions the monitoring and keda components need, from the modules that
# publish them (module@version path-in-module): the operators' own CRDs, as their releases ship them.
CRD_SOURCES=(
  "github.com/prometheus-operator/prometheus-operator@v0.85.0 example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml"
  "github.com/prometheus-operator/prometheus-operator@v0.85.0 example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml"
  "github.com/kedacore/keda/v2@v2.21.0 config/crd/bases/keda.sh_scaledobjects.yaml"
)
CRD_DIR="${INSTALL_DIR}/crds"

# A running cluster: certificates, etcd's data, logs, pid files and the kubeconfig it writes.
CLUSTER_DIR="${PAYMENTFLOW_KUBE_DIR:-${CACHE_ROOT}/kubernetes/cluster}"
KUBECONFIG_FILE="${CLUSTER_DIR}/kubeconfig"
APISERVER_PORT="${PAYMENTFLOW_KUBE_PORT:-16443}"
ETCD_PORT="${PAYMENTFLOW_ETCD_PORT:-12379}"

# The node: the kubelet on Debian's containerd and runc (.ci/run installs them) with the standard
# CNI plugins (a bridge and host-local addresses), all of its state under CLUSTER_DIR.
NODE_NAME="paymentflow-node"
KUBELET_PORT="${PAYMENTFLOW_KUBELET_PORT:-10250}"
POD_SUBNET="${PAYMENTFLOW_POD_SUBNET:-10.244.0.0/24}"
CNI_BIN_DIR="${PAYMENTFLOW_CNI_BIN_DIR:-/usr/lib/cni}"
# The pod sandbox image: the pause binary built here, imported under the name containerd asks for.
PAUSE_IMAGE="registry.k8s.io/pause:3.10"

# Why this machine cannot run the node, or nothing when it can.
node_missing() {
  local tool plugin
  [[ "$(id -u)" == 0 ]] || { echo "the kubelet and containerd need root"; return; }
  for tool in containerd ctr runc; do
    command -v "${tool}" >/dev/null || { echo "no ${tool} (apt-get install containerd runc)"; return; }
  done
  for plugin in bridge host-local loopback portmap; do
    [[ -x "${CNI_BIN_DIR}/${plugin}" ]] \
      || { echo "no CNI plugin ${CNI_BIN_DIR}/${plugin} (apt-get install containernetworking-plugins)"; return; }
  done
}

# The commands of this directory that build.sh compiles with Kubernetes: a change to one rebuilds.
LOCAL_COMMANDS=(etcd pause runc-wrapper)
local_sources_hash() {
  local command
  for command in "${LOCAL_COMMANDS[@]}"; do cat "${TOOLS_DIR}/${command}/"*.go; done | sha256sum | cut -c1-16
}

binaries_built() {
  local binary
  for binary in "${BINARIES[@]}"; do
    [[ -x "${BIN_DIR}/${binary}" ]] || return 1
  done
  [[ "$(cat "${BIN_DIR}/.local-sources" 2>/dev/null)" == "$(local_sources_hash)" ]] || return 1
  [[ -f "${CRD_DIR}/.complete" ]]
}
