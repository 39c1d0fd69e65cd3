--liquibase formatted sql

--changeset paymentflow:003-create-loader-and-review-indexes
--comment: Indexes for the two readers of these tables: the batch loader and operators.
-- The loader reads rows not yet loaded in id order; once loaded, a row leaves this index, so it stays
-- as small as the backlog however large the table grows.
CREATE INDEX payment_events_not_loaded_idx
    ON payment_events (id)
    WHERE loaded_to_iceberg = false;
-- Operators list what still waits for a decision, and look records up by event id.
CREATE INDEX payment_events_quarantine_unreviewed_idx
    ON payment_events_quarantine (quarantined_at)
    WHERE reviewed = false;
CREATE INDEX payment_events_quarantine_event_id_idx
    ON payment_events_quarantine (event_id);
--rollback DROP INDEX payment_events_quarantine_event_id_idx;
--rollback DROP INDEX payment_events_quarantine_unreviewed_idx;
--rollback DROP INDEX payment_events_not_loaded_idx;
