# Sourced by start.sh (after the control plane is up): the node. containerd with runc and the
# standard CNI bridge, the pod sandbox image built from the pause binary, and the kubelet, each with
# all of its state under ${CLUSTER_DIR}/node so that nothing of the machine's own configuration is
# touched. Uses start.sh's pki, logs, host_ip, launch, running, kubectl and write_kubeconfig.

NODE_DIR="${CLUSTER_DIR}/node"
CONTAINERD_SOCKET="${NODE_DIR}/containerd/containerd.sock"

start_node() {
  mkdir -p "${NODE_DIR}/containerd" "${NODE_DIR}/cni/net.d" "${NODE_DIR}/kubelet"
  write_containerd_config
  write_cni_config
  launch containerd containerd --config "${NODE_DIR}/containerd/config.toml"
  local _
  for _ in $(seq 1 60); do
    ctr_node version >/dev/null 2>&1 && break
    sleep 0.5
  done
  ctr_node version >/dev/null 2>&1 \
    || { log "containerd did not start; see ${logs}/containerd.log"; exit 4; }
  import_pause_image
  write_kubelet_config
  launch kubelet "${BIN_DIR}/kubelet" --config "${NODE_DIR}/kubelet.yaml" \
    --kubeconfig "${NODE_DIR}/kubelet.kubeconfig" --hostname-override "${NODE_NAME}" \
    --node-ip "${host_ip}" --root-dir "${NODE_DIR}/kubelet" --cert-dir "${NODE_DIR}/kubelet/pki"
  for _ in $(seq 1 120); do
    node_ready && break
    sleep 1
  done
  node_ready || { log "node ${NODE_NAME} did not become Ready; see ${logs}/kubelet.log"; exit 4; }
  log "node ${NODE_NAME} Ready (containerd $(ctr_node version 2>/dev/null \
    | sed -n 's/^  Version: *//p' | tail -n 1), runc, CNI bridge ${POD_SUBNET})"
}

ctr_node() { ctr --address "${CONTAINERD_SOCKET}" --namespace k8s.io "$@"; }

has_image() { ctr_node images ls -q 2>/dev/null | grep -qxF "$1"; }

node_ready() {
  [[ "$("${kubectl[@]}" get node "${NODE_NAME}" \
    -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" == True ]]
}

write_containerd_config() {
  # Version 2 is the format of Debian's containerd 1.6. cgroupfs, not systemd: there is no systemd.
  cat >"${NODE_DIR}/containerd/config.toml" <<EOF
version = 2
root = "${NODE_DIR}/containerd/root"
state = "${NODE_DIR}/containerd/state"

[grpc]
  address = "${CONTAINERD_SOCKET}"

[plugins."io.containerd.internal.v1.opt"]
  path = "${NODE_DIR}/containerd/opt"

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${PAUSE_IMAGE}"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        # runc, with CAP_SYS_RESOURCE's absence worked around where a VM lacks it (runc-wrapper/).
        BinaryName = "${BIN_DIR}/runc-wrapper"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "${CNI_BIN_DIR}"
    conf_dir = "${NODE_DIR}/cni/net.d"
EOF
}

write_cni_config() {
  # One bridge with the node as the pods' gateway (so the node's own address reaches whatever runs
  # on the host), masquerade for everything else, host-local addresses kept with the node's state.
  cat >"${NODE_DIR}/cni/net.d/10-paymentflow.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "paymentflow",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "pf0",
      "isGateway": true,
      "ipMasq": true,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{ "subnet": "${POD_SUBNET}" }]],
        "routes": [{ "dst": "0.0.0.0/0" }],
        "dataDir": "${NODE_DIR}/cni/ipam"
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
EOF
}

import_pause_image() {
  has_image "${PAUSE_IMAGE}" && return 0
  # An OCI image layout of one uncompressed layer holding the pause binary, as a tar for ctr.
  local layout="${NODE_DIR}/pause-image"
  rm -rf "${layout}"
  mkdir -p "${layout}/rootfs" "${layout}/oci/blobs/sha256"
  install -m 0755 "${BIN_DIR}/pause" "${layout}/rootfs/pause"
  tar --owner=0 --group=0 --numeric-owner --mtime=@0 -C "${layout}/rootfs" -cf "${layout}/layer.tar" pause
  local layer layer_size config config_size manifest manifest_size
  layer="$(sha256sum "${layout}/layer.tar" | cut -d' ' -f1)"
  layer_size="$(stat -c %s "${layout}/layer.tar")"
  mv "${layout}/layer.tar" "${layout}/oci/blobs/sha256/${layer}"
  printf '%s' '{"architecture":"amd64","os":"linux","config":{"Entrypoint":["/pause"],"User":"65535:65535"},"rootfs":{"type":"layers","diff_ids":["sha256:'"${layer}"'"]}}' \
    >"${layout}/config.json"
  config="$(sha256sum "${layout}/config.json" | cut -d' ' -f1)"
  config_size="$(stat -c %s "${layout}/config.json")"
  mv "${layout}/config.json" "${layout}/oci/blobs/sha256/${config}"
  printf '%s' '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:'"${config}"'","size":'"${config_size}"'},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:'"${layer}"'","size":'"${layer_size}"'}]}' \
    >"${layout}/manifest.json"
  manifest="$(sha256sum "${layout}/manifest.json" | cut -d' ' -f1)"
  manifest_size="$(stat -c %s "${layout}/manifest.json")"
  mv "${layout}/manifest.json" "${layout}/oci/blobs/sha256/${manifest}"
  printf '%s' '{"imageLayoutVersion":"1.0.0"}' >"${layout}/oci/oci-layout"
  printf '%s' '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:'"${manifest}"'","size":'"${manifest_size}"',"annotations":{"io.containerd.image.name":"'"${PAUSE_IMAGE}"'","org.opencontainers.image.ref.name":"'"${PAUSE_IMAGE##*:}"'"}}]}' \
    >"${layout}/oci/index.json"
  tar -C "${layout}/oci" -cf "${layout}/pause.tar" .
  ctr_node images import "${layout}/pause.tar" >/dev/null
  has_image "${PAUSE_IMAGE}" \
    || { log "the pause image did not import as ${PAUSE_IMAGE}: $(ctr_node images ls -q | tr '\n' ' ')"; exit 4; }
  log "pod sandbox image ${PAUSE_IMAGE} built from ${BIN_DIR}/pause"
}

write_kubelet_config() {
  write_kubeconfig "${NODE_DIR}/kubelet.kubeconfig" kubelet
  # failCgroupV1: false, because this machine has cgroup v1 (Kubernetes 1.35 made the kubelet refuse
  # it by default). Eviction and image GC thresholds low: a test node on a shared disk must not taint
  # itself with DiskPressure or delete the images it was given.
  cat >"${NODE_DIR}/kubelet.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
containerRuntimeEndpoint: unix://${CONTAINERD_SOCKET}
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
port: ${KUBELET_PORT}
readOnlyPort: 0
healthzPort: 0
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: ${pki}/ca.crt
authorization:
  mode: Webhook
clusterDomain: cluster.local
serializeImagePulls: false
evictionHard:
  memory.available: 100Mi
  nodefs.available: 1%
  nodefs.inodesFree: 1%
  imagefs.available: 1%
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
EOF
}
