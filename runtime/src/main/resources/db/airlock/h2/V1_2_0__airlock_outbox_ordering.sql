-- Airlock outbox, third step: ordering keys. A keyed row carries its key and its place among the unfinished rows of
-- that key; only the first of them is claimable, the others wait as QUEUED (or QUEUED_HELD) until it is done.
ALTER TABLE airlock_outbox ADD COLUMN IF NOT EXISTS ordering_key VARCHAR(255);
ALTER TABLE airlock_outbox ADD COLUMN IF NOT EXISTS ordering_seq BIGINT;
-- One row per key with unfinished rows: writers of a key lock it until they commit, so places follow commit order.
CREATE TABLE IF NOT EXISTS airlock_outbox_key (
    ordering_key VARCHAR(255) PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
-- Finds the next row of a key when its first is done.
CREATE INDEX IF NOT EXISTS airlock_outbox_ordering ON airlock_outbox (ordering_key, ordering_seq);
