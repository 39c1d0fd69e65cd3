package io.paymentflow.imagesmoke;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime podman runs the smoke containers with, chosen on this machine rather than taken
 * from podman's default.
 *
 * <p>Why: Debian 12's podman depends on "crun | runc" and takes crun when nothing else is
 * installed, and crun refuses hosts whose cgroup v2 hierarchy is mounted beside the v1 controllers
 * ("cgroups in hybrid mode not supported, drop all controllers from cgroupv2"), which is what this
 * project's machines are; runc runs there. Each candidate (property {@code image.smoke.runtimes},
 * default {@code runc,crun}; {@code .ci/run} installs runc) is tried in order with the test's exact
 * hardened flags on the image under test, and the first that runs it is used. Every one that failed
 * is kept with what podman said, so a report names the runtime used and why the others were not.
 *
 * @param name the runtime used, or null when none could run the image
 * @param rejected each candidate that failed, with podman's answer
 */
record OciRuntime(String name, Map<String, String> rejected) {

  static final String CANDIDATES_PROPERTY = "image.smoke.runtimes";

  /** Probes every candidate, so the report says why each one not used fails here. */
  static OciRuntime select(String image) {
    Map<String, String> rejected = new LinkedHashMap<>();
    String chosen = null;
    for (String candidate : candidates()) {
      String problem = Podman.probe(candidate, image);
      if (problem != null) {
        rejected.put(candidate, problem);
      } else if (chosen == null) {
        chosen = candidate;
      }
    }
    return new OciRuntime(chosen, rejected);
  }

  static List<String> candidates() {
    return Arrays.stream(System.getProperty(CANDIDATES_PROPERTY, "runc,crun").split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  boolean found() {
    return name != null;
  }

  /** One line for the log and for failure messages. */
  String describe() {
    StringBuilder line =
        new StringBuilder(found() ? "OCI runtime " + name : "no OCI runtime could run the image");
    rejected.forEach(
        (runtime, why) -> line.append("; ").append(runtime).append(" failed: ").append(why));
    return line.toString();
  }
}
