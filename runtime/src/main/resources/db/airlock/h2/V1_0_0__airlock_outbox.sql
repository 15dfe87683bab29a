-- Airlock outbox table for H2. Rename the file to your next Flyway version when you copy it into your migrations;
-- the relay expects exactly these columns (the table name is quarkus.airlock.outbox.table).
CREATE TABLE IF NOT EXISTS airlock_outbox (
    id UUID PRIMARY KEY,
    task VARCHAR(255) NOT NULL,
    args CHARACTER LARGE OBJECT NOT NULL,
    options CHARACTER LARGE OBJECT NOT NULL,
    origin VARCHAR(1000),
    attempts INTEGER DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status VARCHAR(16) NOT NULL,
    last_error CHARACTER LARGE OBJECT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The relay asks for due rows by status and time, a batch at a time: this index keeps that flat as the table grows.
CREATE INDEX IF NOT EXISTS airlock_outbox_due ON airlock_outbox (status, next_attempt_at);
