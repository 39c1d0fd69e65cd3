#!/usr/bin/env bash
# One command for the cluster test: builds the control plane if it is missing (cached outside the
# repository), runs ControlPlaneDeploymentIT (which starts the cluster fresh and stops it) and ends
# with its one-line summary. Exit 0 only if the test passed.
#
#   tools/kubernetes/verify.sh [extra Maven arguments]
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
status=0
./mvnw -B -pl kubernetes-it verify -Dit.test=ControlPlaneDeploymentIT -Dcontrolplane.required=true "$@" \
  | tee "${log}" || status=$?
echo "build ${built}s, test $((SECONDS - start - built))s"
grep '^cluster: ' "${log}" || echo "cluster: no summary (see ${log})"
exit "${status}"
