package io.paymentflow.localrun;

import java.time.Duration;

/**
 * What a stop's drain found on the in-JVM Temporal server and left behind.
 *
 * @param payments payment workflows in flight when the bridge had stopped
 * @param reviews reviews then still writing their row or recording a decision
 * @param abandoned still open when the workers had stopped, so lost with the server (-1: unknown)
 * @param took how long the drain waited
 */
public record Drained(int payments, int reviews, int abandoned, Duration took) {}
