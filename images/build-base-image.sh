#!/usr/bin/env bash
# Builds the offline base image: a distroless-style root filesystem (glibc from this machine's Debian
# packages, a non-root user 65532, a world-writable /tmp) plus a Java runtime linked with jlink from a
# Temurin JDK 21 or newer. Output: a docker-archive tar that Jib reads with `tar://`.
#
# Why: no container registry is reachable here, so `eclipse-temurin:21-jre` cannot be pulled; CI and
# developers without registry access build the same kind of base from what the machine has.
#
# Idempotent and cached outside the repository: the tar is keyed by everything that goes into it (this
# script, the packer, the JDK's release file, the module list, the Debian package versions), so a rerun
# with unchanged inputs does nothing. Prints the tar's path as its last line.
#
# Environment: PAYMENTFLOW_CACHE (default ~/.cache/paymentflow), BASE_JDK (a JDK home to link from;
# default: the newest JDK >= 21 under /usr/lib/jvm).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cache="${PAYMENTFLOW_CACHE:-$HOME/.cache/paymentflow}/base-image"
out="$cache/jre-base.tar"

log() { printf '[base-image] %s\n' "$*" >&2; }

# Modules of the runtime. java.se covers every Java SE API a library may touch (Spring needs java.desktop
# for java.beans, JDBC needs java.sql, JMX java.management); the jdk.* ones are what Netty/gRPC
# (jdk.unsupported, jdk.net), TLS (jdk.crypto.ec, jdk.crypto.cryptoki), DNS (jdk.naming.dns), JFR and
# in-container diagnostics (jdk.jcmd: `kubectl exec ... jcmd 1 Thread.print` works without a shell) use.
modules="java.se,jdk.unsupported,jdk.net,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.zipfs"
modules+=",jdk.naming.dns,jdk.security.auth,jdk.security.jgss,jdk.management,jdk.management.agent"
modules+=",jdk.jfr,jdk.management.jfr,jdk.jcmd,jdk.attach"

# Debian packages whose files go into the image: the C library and the unwinder glibc loads for
# thread cancellation. The JDK bundles its own zlib, freetype, CA certificates and time zone data.
packages="libc6 libgcc-s1"

java_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"; }

find_jdk() {
  if [[ -n "${BASE_JDK:-}" ]]; then
    echo "$BASE_JDK"
    return
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/* ${JAVA_HOME:+"$JAVA_HOME"}; do
    [[ -x "$home/bin/jlink" && -f "$home/release" ]] || continue
    major="$(java_major "$home")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$home" best_major="$major"
    fi
  done
  [[ -n "$best" ]] || { log "no JDK >= 21 with jlink found under /usr/lib/jvm; set BASE_JDK"; exit 1; }
  echo "$best"
}

jdk="$(find_jdk)"
major="$(java_major "$jdk")"
[[ "$major" -ge 21 ]] || { log "$jdk is Java $major; the images need Java 21 or newer"; exit 1; }
pkg_versions="$(dpkg-query -W -f='${Package} ${Version}\n' $packages)"
full_version="$(sed -n 's/^FULL_VERSION="\(.*\)"/\1/p' "$jdk/release")"
key="$(cat "$0" "$here/lib/docker_archive.py" "$jdk/release" <(echo "$modules") <(echo "$pkg_versions") \
  | sha256sum | cut -c1-16)"

if [[ -f "$out" && "$(cat "$out.key" 2>/dev/null)" == "$key" ]]; then
  log "up to date (key $key): Java $full_version, $(du -h "$out" | cut -f1)"
  echo "$out"
  exit 0
fi

log "building (key $key) from $jdk (Java $full_version)"
mkdir -p "$cache"
work="$(mktemp -d "$cache/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{etc,tmp,home/nonroot,opt/java,usr/share/doc,var/lib/dpkg/status.d}
chmod 1777 "$rootfs/tmp"

start=$SECONDS
log "jlink: $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$rootfs/opt/java/openjdk" >&2
# The archive for uncompressed oops serves only heaps over 32 GiB, which these workers never get.
rm -f "$rootfs/opt/java/openjdk/lib/server/classes_nocoops.jsa"
log "jlink done in $((SECONDS - start))s: $(du -sh "$rootfs/opt/java/openjdk" | cut -f1)"

log "C library from Debian packages: $(echo $pkg_versions)"
for pkg in $packages; do
  # Shared objects, the dynamic loader and its /lib64 link; licences for each package. Nothing else
  # (no shell, no package manager): the smaller the image, the less there is to patch or exploit.
  dpkg -L "$pkg" | grep -E '^/lib(64)?/.*\.so[.0-9]*$|^/usr/share/doc/[^/]+/copyright$' \
    | while read -r f; do
        mkdir -p "$rootfs$(dirname "$f")"
        cp -a "$f" "$rootfs$f"
      done
  # A status entry per package, as distroless images have, so image scanners can see the glibc version.
  dpkg-query -s "$pkg" > "$rootfs/var/lib/dpkg/status.d/$pkg"
done
cp /usr/lib/os-release "$rootfs/etc/os-release"

cat > "$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat > "$rootfs/etc/group" <<'EOF'
root:x:0:
nobody:x:65534:
nonroot:x:65532:
EOF
# Without this glibc asks DNS before /etc/hosts, so "localhost" would leave the pod.
echo 'hosts: files dns' > "$rootfs/etc/nsswitch.conf"

config="$(cat <<EOF
{
  "Env": [
    "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "JAVA_HOME=/opt/java/openjdk",
    "LANG=C.UTF-8"
  ],
  "User": "65532:65532",
  "WorkingDir": "/home/nonroot",
  "Labels": {
    "org.opencontainers.image.title": "paymentflow-jre-base",
    "org.opencontainers.image.description": "glibc and a jlinked Temurin runtime, non-root, no shell",
    "org.opencontainers.image.version": "$full_version",
    "io.paymentflow.base.packages": "$(echo $pkg_versions)"
  }
}
EOF
)"
log "packing the layer"
python3 "$here/lib/docker_archive.py" "$rootfs" "$work/base.tar" "paymentflow/jre-base:$major" "$config" >&2
mv -f "$work/base.tar" "$out"
echo "$key" > "$out.key"
log "done in $((SECONDS - start))s: $out ($(du -h "$out" | cut -f1))"
echo "$out"
