#!/usr/bin/env bash
# Checks the four image tars that `-Pimages` wrote: each exists, runs as the non-root user, and holds no
# test-only library in any layer (Temporal's starter pulls its test server in at compile scope; the
# root pom excludes it, this proves the exclusion holds). Prints each image's layers and size.
# Exit status 1 names the image and the offending files.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
apps=(kafka-bridge workflow-worker activity-worker-inference activity-worker-db)
# Jar names that only tests need. The inference stand-in is a test double of an external service.
forbidden='(^|/)(temporal-testing|temporal-test-server|junit|junit-jupiter[^/]*|junit-platform[^/]*|opentest4j|spring-boot-test|spring-boot-starter-test|spring-test|spring-kafka-test|kafka_2\.[0-9]+|mockito[^/]*|assertj[^/]*|awaitility|hamcrest|testcontainers|inference-stand-in)-[0-9][^/]*\.jar$'

status=0
for app in "${apps[@]}"; do
  tar_file="$root/$app/target/jib-image.tar"
  if [[ ! -f "$tar_file" ]]; then
    echo "[check] $app: MISSING $tar_file (run images/build-images.sh)"
    status=1
    continue
  fi
  manifest="$(tar -xOf "$tar_file" manifest.json)"
  config_name="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["Config"])' "$manifest")"
  user="$(tar -xOf "$tar_file" "$config_name" | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"].get("User",""))')"
  mapfile -t layers < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])[0]["Layers"]))' "$manifest")
  files="$(for layer in "${layers[@]}"; do tar -xOf "$tar_file" "$layer" | gzip -dcf | tar --warning=no-unknown-keyword -t; done)"
  jars="$(grep -c '\.jar$' <<<"$files" || true)"
  bad="$(grep -E "$forbidden" <<<"$files" || true)"
  printf '[check] %-26s %s, %d layers, %d jars, user %s, config %s\n' "$app" \
    "$(du -h "$tar_file" | cut -f1)" "${#layers[@]}" "$jars" "$user" \
    "$(tar -xOf "$tar_file" "$config_name" | sha256sum | cut -c1-12)"
  if [[ -n "$bad" ]]; then
    echo "[check] $app: test-only libraries inside the image:"
    sed 's/^/    /' <<<"$bad"
    status=1
  fi
  if [[ "$user" != "65532:65532" ]]; then
    echo "[check] $app: runs as '$user', expected 65532:65532"
    status=1
  fi
done
exit $status
