#!/usr/bin/env python3
"""Packs a root filesystem directory into a one-layer docker-archive tar (the `docker save` format).

Why this format: Jib 3.5 reads a local base image only as a Docker-format tarball (`tar://...`); it does
not read OCI layouts. Why by hand rather than with podman: the layer must be byte-for-byte reproducible
(sorted entries, fixed mtimes and owners), so the same inputs give the same digests on every machine,
and the build needs no container engine at all.

Usage: docker_archive.py ROOTFS OUT.tar IMAGE_REF CONFIG_JSON
CONFIG_JSON holds the image's "config" object (Env, User, Labels, ...) as a JSON string.
"""

import hashlib
import io
import json
import os
import stat
import sys
import tarfile

# Paths that belong to the non-root runtime user (uid/gid 65532); everything else is root-owned.
NONROOT_OWNED = {"home/nonroot"}
NONROOT = 65532


def add_tree(tar, rootfs):
    """Adds every entry under rootfs, sorted, with normalized metadata."""
    entries = []
    for dirpath, dirnames, filenames in os.walk(rootfs):
        dirnames.sort()
        for name in dirnames + sorted(filenames):
            entries.append(os.path.join(dirpath, name))
    for path in sorted(entries, key=lambda p: os.path.relpath(p, rootfs)):
        rel = os.path.relpath(path, rootfs)
        st = os.lstat(path)
        info = tarfile.TarInfo(rel)
        info.mtime = 0
        owner = NONROOT if rel in NONROOT_OWNED else 0
        info.uid = info.gid = owner
        info.uname = info.gname = ""
        info.mode = stat.S_IMODE(st.st_mode)
        if stat.S_ISLNK(st.st_mode):
            info.type = tarfile.SYMTYPE
            info.linkname = os.readlink(path)
            tar.addfile(info)
        elif stat.S_ISDIR(st.st_mode):
            info.type = tarfile.DIRTYPE
            tar.addfile(info)
        elif stat.S_ISREG(st.st_mode):
            info.size = st.st_size
            with open(path, "rb") as f:
                tar.addfile(info, f)
        else:
            raise SystemExit(f"unsupported file type in rootfs: {rel}")


def main():
    rootfs, out, image_ref, config_json = sys.argv[1:5]
    layer = io.BytesIO()
    with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        add_tree(tar, rootfs)
    layer_bytes = layer.getvalue()
    diff_id = hashlib.sha256(layer_bytes).hexdigest()

    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:00Z",
        "config": json.loads(config_json),
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
        "history": [
            {"created": "1970-01-01T00:00:00Z", "created_by": "images/build-base-image.sh"}
        ],
    }
    config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = diff_id + "/layer.tar"
    manifest = [{"Config": config_name, "RepoTags": [image_ref], "Layers": [layer_name]}]
    manifest_bytes = json.dumps(manifest, separators=(",", ":")).encode()

    tmp = out + ".part"
    with tarfile.open(tmp, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in (
            (config_name, config_bytes),
            (layer_name, layer_bytes),
            ("manifest.json", manifest_bytes),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(data))
    os.replace(tmp, out)
    print(f"layer sha256:{diff_id} ({len(layer_bytes) // (1024 * 1024)} MiB uncompressed)")


if __name__ == "__main__":
    main()
