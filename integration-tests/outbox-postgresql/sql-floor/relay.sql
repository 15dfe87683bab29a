-- One relay round with nothing between the claim and the outcome: claim up to :group due rows the way the relay
-- does (the due index, SKIP LOCKED), then delete them in one statement whose commit does not wait for the disk, as
-- Airlock records a group of outcomes. The owner index stands in for the list of ids the relay keeps in memory.
UPDATE airlock_floor SET attempts = attempts + 1, next_attempt_at = now() + interval '5 minutes',
    owner = 'relay-' || :client_id
    WHERE id IN (SELECT id FROM airlock_floor WHERE status = 'PENDING' AND next_attempt_at <= now()
                 ORDER BY next_attempt_at LIMIT :group FOR UPDATE SKIP LOCKED);
BEGIN;
SET LOCAL synchronous_commit = off;
DELETE FROM airlock_floor WHERE owner = 'relay-' || :client_id;
COMMIT;
