--liquibase formatted sql

--changeset paymentflow:004-add-reprocess-outcome
--comment: What became of an operator's reprocess decision (CONTRACTS sections 2.3, 5). Additive: the loader ignores columns it does not know.
-- started: the corrected event's workflow was started; already_processed: a workflow of its id ran
-- or runs, so it was not run twice; persist_rejected: it ran, but PostgreSQL refused its row (the note
-- holds the database's message), and that outcome is never replaced.
ALTER TABLE payment_events_quarantine
    ADD COLUMN reprocess_outcome text,
    ADD COLUMN reprocess_note    text,
    ADD CONSTRAINT payment_events_quarantine_reprocess_outcome_check
        CHECK (reprocess_outcome IN ('started', 'already_processed', 'persist_rejected'));
--rollback ALTER TABLE payment_events_quarantine DROP CONSTRAINT payment_events_quarantine_reprocess_outcome_check, DROP COLUMN reprocess_note, DROP COLUMN reprocess_outcome;
