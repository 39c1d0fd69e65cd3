package io.paymentflow.workflow;

import io.paymentflow.contracts.WorkflowThreads;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workflowThreads what runs the workflow code ({@code TEMPORAL_WORKER_WORKFLOW_THREADS}).
 */
@ConfigurationProperties("temporal-worker")
public record WorkflowThreadProperties(@DefaultValue("auto") WorkflowThreads workflowThreads) {}
