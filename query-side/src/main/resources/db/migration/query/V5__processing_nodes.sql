-- The query-side instances that are running, so that each can take its fair share of every processor's segments
-- (docs/architecture.md, "Scaling out"). An instance writes its row every heartbeat and deletes it when it stops;
-- a row not refreshed for three heartbeats is an instance that died.
CREATE TABLE query.processing_node (
    node_id      VARCHAR(255) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT processing_node_pk PRIMARY KEY (node_id)
);

-- A projection being rebuilt on one instance: while its holder is alive, every other instance gives up the
-- projection's segments, so that the holder can claim them all and reset them (Axon resets only what it holds).
CREATE TABLE query.projection_hold (
    processor_name VARCHAR(255) NOT NULL,
    held_by        VARCHAR(255) NOT NULL,
    held_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT projection_hold_pk PRIMARY KEY (processor_name)
);
