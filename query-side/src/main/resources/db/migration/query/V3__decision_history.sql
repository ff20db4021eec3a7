-- Decision history: every event of each permit application and zoning assessment, in order, with the hash of
-- its canonical form and the running hash chain over them (docs/decision-history.md defines both), so that an
-- inspector can read who decided what on which rulebook and layers, and check that the event store still
-- holds exactly what was projected.

-- One row per chained aggregate: its head and what deciding who may read it needs.
CREATE TABLE query.decision_history_chain (
    aggregate_id        VARCHAR(255) NOT NULL,
    -- APPLICATION or ASSESSMENT
    aggregate_kind      VARCHAR(32)  NOT NULL,
    -- The municipality whose staff may read it, and the person it belongs to (the applicant, the requester).
    municipality_slug   VARCHAR(64),
    owner_subject       VARCHAR(255),
    head_sequence       BIGINT       NOT NULL,
    head_hash           CHAR(64)     NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT decision_history_chain_pk PRIMARY KEY (aggregate_id)
);

-- One row per event. The primary key makes a redelivered event a no-op.
CREATE TABLE query.decision_history_event (
    aggregate_id        VARCHAR(255) NOT NULL,
    sequence            BIGINT       NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    payload_type        VARCHAR(255) NOT NULL,
    payload_revision    VARCHAR(255),
    occurred_at         TIMESTAMPTZ  NOT NULL,
    actor_subject       VARCHAR(255),
    actor_name          VARCHAR(400),
    actor_role          VARCHAR(32),
    actor_municipality  VARCHAR(64),
    -- The payload as hashed (canonical JSON), kept as jsonb for reading.
    payload             JSONB        NOT NULL,
    -- SHA-256 of the event's canonical form, and chain_n = SHA-256(chain_{n-1} || canonical_n), lowercase hex.
    event_hash          CHAR(64)     NOT NULL,
    chain_hash          CHAR(64)     NOT NULL,
    CONSTRAINT decision_history_event_pk PRIMARY KEY (aggregate_id, sequence)
);
