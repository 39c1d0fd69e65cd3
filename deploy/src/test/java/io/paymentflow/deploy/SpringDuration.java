package io.paymentflow.deploy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration the way Spring Boot binds one: "30s", "2m", "500ms", ISO-8601, or plain millis.
 */
final class SpringDuration {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)?");

  private SpringDuration() {}

  static Duration parse(String text) {
    String value = text.trim();
    if (value.toUpperCase().startsWith("P")) {
      return Duration.parse(value);
    }
    Matcher matcher = SIMPLE.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a Spring duration: " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    return switch (unit) {
      case "ns" -> Duration.ofNanos(amount);
      case "us" -> Duration.ofNanos(amount * 1000);
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
