package io.paymentflow.bridge.support;

import io.paymentflow.contracts.TaskQueues;
import io.paymentflow.embeddedtemporal.EmbeddedTemporalServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a bridge test class runs against, for all its tests: a real KRaft broker, the in-JVM
 * Temporal server on a port, and a worker on the workflow task queue that records every execution.
 *
 * <pre>
 * &#64;RegisterExtension static final BridgeInfrastructure infra = new BridgeInfrastructure();
 * </pre>
 */
public final class BridgeInfrastructure implements BeforeAllCallback, AfterAllCallback {

  private final ExecutionRecorder recorder = new ExecutionRecorder();
  private KafkaBroker kafka;
  private EmbeddedTemporalServer temporal;
  private TestWorker worker;

  @Override
  public void beforeAll(ExtensionContext context) {
    kafka = new KafkaBroker();
    temporal = new EmbeddedTemporalServer();
    worker = new TestWorker(temporal.target(), TaskQueues.PAYMENT_PROCESSING, recorder);
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    worker.close();
    temporal.close();
    kafka.close();
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public EmbeddedTemporalServer temporal() {
    return temporal;
  }

  public ExecutionRecorder recorder() {
    return recorder;
  }

  public TestWorker worker() {
    return worker;
  }
}
