-- The decision history no longer keeps a second copy of every payload: the history's answer reads each event's
-- payload from the event store (where the verification reads it too), and the projection keeps what it needs to
-- chain and to list (identifiers, type, time, actor, hashes). A rebuild of the history wrote every payload again,
-- as jsonb, which was most of its cost (docs/benchmarks.md, issue 6).
ALTER TABLE query.decision_history_event DROP COLUMN IF EXISTS payload;
