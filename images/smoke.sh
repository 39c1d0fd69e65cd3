#!/usr/bin/env bash
# The image smoke check (CI): loads the four image tars into podman and runs each hardened (host
# network, read-only root, tmpfs /tmp, user 65532, no capabilities, no new privileges) against Kafka,
# Temporal and the inference stand-in started in the test's JVM and the local PostgreSQL; asserts each
# becomes ready, an event published to Kafka becomes an enriched row, and each runs as non-root on a
# read-only root. The test is image-smoke/src/test/java/io/paymentflow/imagesmoke/ImageSmokeIT.java.
#
#   images/smoke.sh          # builds the tars first if any is missing
#   images/smoke.sh --build  # always rebuilds them
#
# Needs podman (installed here with apt-get when missing and running as root) and PostgreSQL on
# localhost:5432 with database/user/password payments (override with TEMPORAL_WORKER_POSTGRES_*).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
apps=(kafka-bridge workflow-worker activity-worker-inference activity-worker-db)

if ! command -v podman >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "[smoke] installing podman"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null
  else
    echo "[smoke] podman is not installed: apt-get install podman" >&2
    exit 1
  fi
fi

build=false
[[ "${1:-}" == "--build" ]] && build=true
for app in "${apps[@]}"; do
  [[ -f "$root/$app/target/jib-image.tar" ]] || build=true
done
if $build; then
  "$root/images/build-images.sh"
fi

cd "$root"
start=$SECONDS
# -am builds the inference stand-in the test embeds; -Dtest=none skips unit tests on the way.
# image.smoke.required: a missing podman or tar fails the check instead of skipping it.
./mvnw -B -pl image-smoke -am -Dimage.smoke.required=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false verify
echo "[smoke] done in $((SECONDS - start))s; container logs in image-smoke/target/image-smoke-logs/"
