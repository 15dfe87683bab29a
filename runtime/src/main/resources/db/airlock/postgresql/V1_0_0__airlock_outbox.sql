-- Airlock outbox table for PostgreSQL. Rename the file to your next Flyway version when you copy it into your
-- migrations; the relay expects exactly these columns (the table name is quarkus.airlock.outbox.table).
CREATE TABLE IF NOT EXISTS airlock_outbox (
    id UUID PRIMARY KEY,
    task VARCHAR(255) NOT NULL,
    args TEXT NOT NULL,
    options TEXT NOT NULL,
    origin VARCHAR(1000),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status VARCHAR(16) NOT NULL,
    last_error TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The relay asks for due rows by status and time, a batch at a time: this index keeps that flat as the table grows.
CREATE INDEX IF NOT EXISTS airlock_outbox_due ON airlock_outbox (status, next_attempt_at);
