-- One writer transaction: 100 intents in a single INSERT, the cheapest way PostgreSQL can take them (the application
-- sends a JDBC batch of 100 INSERTs, which costs the server more). The commit waits for the disk, as a business
-- transaction's does.
INSERT INTO airlock_floor (id, task, args, options, origin, attempts, next_attempt_at, status, last_error, created_at)
    SELECT gen_random_uuid(), 'bench', '[1]', '{}', NULL, 0, now(), 'PENDING', NULL, now()
    FROM generate_series(1, 100);
