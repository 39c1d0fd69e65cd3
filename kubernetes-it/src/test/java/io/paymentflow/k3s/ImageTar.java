package io.paymentflow.k3s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the image names out of a docker-archive tar (what Jib's buildTar writes), so the test
 * imports whatever tag it was built with: the project version by default, `dev` with -Dimage.tag.
 */
final class ImageTar {

  private static final int BLOCK = 512;

  private ImageTar() {}

  /** The RepoTags of the archive's manifest.json, e.g. {@code paymentflow/kafka-bridge:0.1.0}. */
  static List<String> repoTags(Path tar) throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(entry(tar, "manifest.json"));
    List<String> tags = new ArrayList<>();
    for (JsonNode image : manifest) {
      image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
    }
    if (tags.isEmpty()) {
      throw new IOException(tar + " names no image (manifest.json has no RepoTags)");
    }
    return tags;
  }

  /** A reference as containerd stores it: {@code paymentflow/x:1} is {@code docker.io/...}. */
  static String normalized(String reference) {
    int slash = reference.indexOf('/');
    if (slash < 0) {
      return "docker.io/library/" + reference;
    }
    String first = reference.substring(0, slash);
    boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
    return registry ? reference : "docker.io/" + reference;
  }

  /** One regular file of a ustar archive, found by walking the headers and skipping the rest. */
  private static byte[] entry(Path tar, String name) throws IOException {
    try (InputStream in = Files.newInputStream(tar)) {
      byte[] header = new byte[BLOCK];
      while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
        String entryName = field(header, 0, 100);
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        if (entryName.equals(name) || entryName.equals("./" + name)) {
          byte[] content = in.readNBytes((int) size);
          if (content.length != size) {
            throw new IOException(tar + " ends inside " + name);
          }
          return content;
        }
        in.skipNBytes(padded);
      }
    }
    throw new IOException(tar + " has no " + name + ": not a docker-archive image tar");
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
