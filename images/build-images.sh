#!/usr/bin/env bash
# Builds the four app images as tars, offline: <module>/target/jib-image.tar for kafka-bridge,
# workflow-worker, activity-worker-inference and activity-worker-db.
#
#   images/build-images.sh                  # base image (cached) + `package` of the four apps, no tests
#   images/build-images.sh [maven args...]  # same profile and base, your goals instead, e.g.
#   images/build-images.sh -Dimage.smoke.required=true verify   # all tests, the images, the smoke check
#
# The base image is built by build-base-image.sh (cached outside the repository) and passed to Jib as
# `tar://...`, so no registry is contacted. Afterwards check-images.sh asserts no test library got in.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
apps="kafka-bridge,workflow-worker,activity-worker-inference,activity-worker-db"

start=$SECONDS
base="$("$root/images/build-base-image.sh")"
echo "[images] base image: $base ($((SECONDS - start))s)"

if (($#)); then
  goals=("$@")
else
  goals=(-DskipTests package -pl "$apps" -am)
fi
cd "$root"
maven_start=$SECONDS
# jib.disableUpdateChecks: Jib would otherwise try to reach the internet to look for a newer version.
./mvnw -B -Pimages -Dimage.base="tar://$base" -Djib.disableUpdateChecks=true "${goals[@]}"
echo "[images] maven: $((SECONDS - maven_start))s"

"$root/images/check-images.sh"
echo "[images] done in $((SECONDS - start))s"
