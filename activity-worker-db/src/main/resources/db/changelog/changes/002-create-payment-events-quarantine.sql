--liquibase formatted sql

--changeset paymentflow:002-create-payment-events-quarantine
--comment: Records kept for operator review, one row per Kafka record the bridge read (CONTRACTS sections 1.2, 4, 5).
-- The idempotency key is where the bridge read the record (dlq_topic, dlq_partition, dlq_offset): it is
-- always known and unique, unlike event_id, which may be null or repeated (CONTRACTS section 7).
-- event_id is text: an id too long for payment_events.event_id is itself a reason to be quarantined.
CREATE TABLE payment_events_quarantine (
    id                bigserial   NOT NULL,
    event_id          text,
    provider          text,
    provider_event_id text,
    -- Exactly as received: the text when the bytes were UTF-8, else their base64 (see payload_encoding).
    original_payload  text,
    payload_encoding  text        NOT NULL DEFAULT 'utf8',
    validation_errors jsonb       NOT NULL DEFAULT '[]'::jsonb,
    failure_reason    text        NOT NULL,
    -- Where the normalizer read the raw message, when known.
    source_topic      text,
    kafka_partition   integer,
    kafka_offset      bigint,
    -- Where the bridge read this record.
    dlq_topic         text        NOT NULL,
    dlq_partition     integer     NOT NULL,
    dlq_offset        bigint      NOT NULL,
    quarantined_at    timestamptz NOT NULL DEFAULT now(),
    reviewed          boolean     NOT NULL DEFAULT false,
    reviewed_at       timestamptz,
    reviewed_by       text,
    resolution        text,
    schema_version    integer,
    CONSTRAINT payment_events_quarantine_pkey PRIMARY KEY (id),
    CONSTRAINT payment_events_quarantine_dlq_record_key UNIQUE (dlq_topic, dlq_partition, dlq_offset),
    CONSTRAINT payment_events_quarantine_payload_encoding_check
        CHECK (payload_encoding IN ('utf8', 'base64')),
    CONSTRAINT payment_events_quarantine_resolution_check
        CHECK (resolution IN ('reprocess', 'discard', 'manual_fix', 'expired'))
);
--rollback DROP TABLE payment_events_quarantine;
