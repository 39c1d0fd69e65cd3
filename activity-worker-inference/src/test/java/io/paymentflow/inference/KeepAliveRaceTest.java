package io.paymentflow.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentflow.contracts.inference.InferenceActivities;
import io.paymentflow.standin.InferenceStandIn;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The keep-alive race the real service showed (uvicorn closes idle connections after 5 s): after a
 * pause about as long as the server's idle timeout, calls meet connections the server is closing or
 * has just closed. None of them may cost a failed activity attempt. The client here keeps idle
 * connections longer than the server does, so the server, not the client, closes them: the worst
 * case, as with a service whose keep-alive is shorter than our {@code idle-timeout}.
 */
class KeepAliveRaceTest {

  private static final Duration SERVER_IDLE = Duration.ofMillis(300);
  private static final int PARALLEL_CALLS = 8;

  private final InferenceStandIn standIn =
      InferenceStandIn.start(InferenceStandIn.Options.onPort(0).withIdleTimeout(SERVER_IDLE));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InferenceClient client =
      new InferenceClient(
          TestProperties.pointingAt(
              standIn.baseUrl(), Duration.ofSeconds(10), Duration.ofMinutes(1)),
          TestProperties.app(),
          meters);
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
  private final ExecutorService callers = Executors.newFixedThreadPool(PARALLEL_CALLS);

  @AfterEach
  void tearDown() {
    callers.shutdownNow();
    environment.close();
    client.close();
    standIn.close();
  }

  @Test
  void pausesAroundTheServersIdleTimeoutCostNoFailedAttempt() throws Exception {
    environment.registerActivitiesImplementations(new InferenceActivitiesImpl(client));
    InferenceActivities oneAttempt =
        environment.newActivityStub(
            InferenceActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    List<Throwable> failed = new ArrayList<>();
    int calls = 0;
    // Pauses from just under to well over the server's idle timeout and its check interval.
    for (long pause = SERVER_IDLE.toMillis() - 50;
        pause <= SERVER_IDLE.toMillis() + 100;
        pause += 10) {
      List<Future<?>> round = new ArrayList<>();
      for (int i = 0; i < PARALLEL_CALLS; i++) {
        String eventId = "stripe:evt_race_" + calls++;
        round.add(callers.submit(() -> oneAttempt.fraudScore(Events.succeeded(eventId))));
      }
      for (Future<?> call : round) {
        try {
          call.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failed.add(e.getCause());
        }
      }
      Thread.sleep(pause);
    }

    assertThat(failed).as("failed attempts out of " + calls).isEmpty();
    assertThat(meters.get("inference.call").tag("outcome", "success").timer().count())
        .isEqualTo(calls);
  }
}
