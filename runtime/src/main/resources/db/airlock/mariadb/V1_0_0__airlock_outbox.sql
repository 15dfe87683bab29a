-- Airlock outbox table for MariaDB (10.6 and later). Rename the file to your next Flyway version when you copy it into
-- your migrations; the relay expects exactly these columns (the table name is quarkus.airlock.outbox.table).
-- Ids are UUIDs as text; times are UTC, to the microsecond (DATETIME has no time zone, and TIMESTAMP ends in 2038).
-- InnoDB: the relays claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE IF NOT EXISTS airlock_outbox (
    id CHAR(36) CHARACTER SET ascii NOT NULL PRIMARY KEY,
    task VARCHAR(255) NOT NULL,
    args LONGTEXT NOT NULL,
    options LONGTEXT NOT NULL,
    origin VARCHAR(1000),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6) NOT NULL,
    status VARCHAR(16) NOT NULL,
    last_error LONGTEXT,
    created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
-- The relay asks for due rows by status and time, a batch at a time: this index keeps that flat as the table grows.
CREATE INDEX IF NOT EXISTS airlock_outbox_due ON airlock_outbox (status, next_attempt_at);
