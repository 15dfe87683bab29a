-- Airlock outbox, second step: which relay holds a claimed row. A relay records an outcome only while the row is still
-- its own (this column and the attempt count fence it), and reclaims at start-up the rows it held when it stopped.
ALTER TABLE airlock_outbox ADD COLUMN IF NOT EXISTS owner VARCHAR(255);
