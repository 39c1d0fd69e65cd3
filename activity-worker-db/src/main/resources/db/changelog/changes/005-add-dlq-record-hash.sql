--liquibase formatted sql

--changeset paymentflow:005-add-dlq-record-hash
--comment: A quarantine row is keyed by the record it keeps, not only by where that record was read (CONTRACTS sections 2.1, 5).
-- A topic created again, a log truncated by an unclean leader election, or another cluster writing to
-- this database hands out offsets that earlier records had; the hash of the record's value tells a new
-- record at a reused offset from a redelivery of the same one. '' in rows written before the hash
-- existed: such a row stands for whatever record was read at its coordinates.
ALTER TABLE payment_events_quarantine
    ADD COLUMN dlq_record_hash text NOT NULL DEFAULT '';
ALTER TABLE payment_events_quarantine
    DROP CONSTRAINT payment_events_quarantine_dlq_record_key;
ALTER TABLE payment_events_quarantine
    ADD CONSTRAINT payment_events_quarantine_dlq_record_key
        UNIQUE (dlq_topic, dlq_partition, dlq_offset, dlq_record_hash);
--rollback ALTER TABLE payment_events_quarantine DROP CONSTRAINT payment_events_quarantine_dlq_record_key;
--rollback ALTER TABLE payment_events_quarantine ADD CONSTRAINT payment_events_quarantine_dlq_record_key UNIQUE (dlq_topic, dlq_partition, dlq_offset);
--rollback ALTER TABLE payment_events_quarantine DROP COLUMN dlq_record_hash;
