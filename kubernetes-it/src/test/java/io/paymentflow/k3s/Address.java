package io.paymentflow.k3s;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dependency's in-cluster address as an app is configured with it: a Service's DNS name. */
record Address(String dependency, String app, String service, String namespace, int port) {

  private static final Pattern SERVICE_DNS =
      Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc\\.cluster\\.local:(\\d+)");

  static Address of(String dependency, String app, String hostAndPort) {
    Matcher m = SERVICE_DNS.matcher(String.valueOf(hostAndPort));
    if (!m.matches()) {
      throw new AssertionError(
          app + " reaches " + dependency + " at " + hostAndPort + ", not <service>.<ns>.svc...");
    }
    return new Address(dependency, app, m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  static Address ofUrl(String dependency, String app, String url) {
    URI uri = URI.create(url);
    return of(dependency, app, uri.getHost() + ":" + uri.getPort());
  }

  String hostAndPort() {
    return service + "." + namespace + ".svc.cluster.local:" + port;
  }
}
