--liquibase formatted sql

--changeset paymentflow:001-create-payment-events
--comment: One row per event_id: the event, its validation and its enrichment (CONTRACTS section 5).
-- Free-text columns are text, not varchar(n): a provider value longer than a guessed limit would make
-- a row that can never be written. Only event_id has a contractual bound (255).
CREATE TABLE payment_events (
    id                     bigserial    NOT NULL,
    event_id               varchar(255) NOT NULL,
    provider               text,
    provider_event_id      text,
    event_type             text,
    merchant_id            text,
    customer_id            text,
    amount_cents           bigint,
    currency               char(3),
    payment_method_type    text,
    card_brand             text,
    card_last_four         text,
    status                 text,
    failure_code           text,
    failure_message        text,
    fraud_score            numeric(5,4),
    risk_level             text,
    risk_factors           jsonb,
    fraud_model_version    text,
    retry_strategy         jsonb,
    retry_delay_seconds    integer,
    churn_score            numeric(5,4),
    churn_risk_level       text,
    days_to_churn_estimate integer,
    churn_model_version    text,
    validation_status      text,
    validation_errors      jsonb,
    -- Additive to the contract: warnings such as HIGH_VALUE; the loader ignores columns it does not know.
    validation_warnings    jsonb,
    enrichment_errors      jsonb,
    metadata               jsonb,
    provider_created_at    timestamptz,
    processed_at           timestamptz,
    -- Set by the first insert only; the upsert never names it.
    ingested_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    schema_version         integer,
    -- Owned by the downstream loader; the upsert never names these two.
    loaded_to_iceberg      boolean      NOT NULL DEFAULT false,
    loaded_at              timestamptz,
    CONSTRAINT payment_events_pkey PRIMARY KEY (id),
    CONSTRAINT payment_events_event_id_key UNIQUE (event_id),
    CONSTRAINT payment_events_validation_status_check
        CHECK (validation_status IN ('passed', 'failed'))
);
--rollback DROP TABLE payment_events;
