package io.paymentflow.deploy;

import java.util.Map;

/** One rendered Kubernetes object, as parsed from kustomize's output. */
record Manifest(Map<String, Object> raw) {

  String apiVersion() {
    return Tree.string(raw, "apiVersion");
  }

  String kind() {
    return Tree.string(raw, "kind");
  }

  String name() {
    return Tree.string(raw, "metadata", "name");
  }

  String namespace() {
    return Tree.string(raw, "metadata", "namespace");
  }

  Object at(Object... path) {
    return Tree.at(raw, path);
  }

  Map<String, Object> map(Object... path) {
    return Tree.map(raw, path);
  }

  @Override
  public String toString() {
    return kind() + "/" + name();
  }
}
