#!/usr/bin/env bash
# One command for the cluster test: builds the cluster if it is missing (cached outside the
# repository) and the four image tars if one is missing, runs ControlPlaneDeploymentIT (which starts
# the cluster fresh, loads the images into the node, runs the apps' dependencies on this machine and
# stops it all) and ends with its one-line summary. Exit 0 only if the test passed.
#
#   tools/kubernetes/verify.sh [extra Maven arguments]
#   tools/kubernetes/verify.sh -Dnode.required=true   # fail, not skip, if the node cannot run here
#
# The node stage needs root, containerd, runc and the CNI plugins (Debian: apt-get install
# containerd runc containernetworking-plugins) and PostgreSQL on localhost:5432 with the payments
# role (README, "Run it").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
start=${SECONDS}

tools/kubernetes/build.sh
built=$((SECONDS - start))
trap 'tools/kubernetes/stop.sh' EXIT

log=kubernetes-it/target/controlplane-verify.log
mkdir -p kubernetes-it/target
# The test module's dependencies (local-run, the stand-in) come from the reactor, without their tests.
./mvnw -B -q -pl kubernetes-it -am install -DskipTests -Dspotless.check.skip=true
for app in kafka-bridge workflow-worker activity-worker-inference activity-worker-db; do
  [[ -f "${app}/target/jib-image.tar" ]] || { images/build-images.sh; break; }
done
status=0
./mvnw -B -pl kubernetes-it verify -Dit.test=ControlPlaneDeploymentIT -Dcontrolplane.required=true "$@" \
  | tee "${log}" || status=$?
echo "build ${built}s, test $((SECONDS - start - built))s"
grep '^cluster: ' "${log}" || echo "cluster: no summary (see ${log})"
exit "${status}"
