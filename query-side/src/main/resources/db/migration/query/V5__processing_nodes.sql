-- The query-side instances that are running, so that each can take its fair share of every processor's segments
-- (docs/architecture.md, "Scaling out"). An instance writes its row every heartbeat and deletes it when it stops;
-- a row not refreshed for three heartbeats is an instance that died.
CREATE TABLE query.processing_node (
    node_id      VARCHAR(255) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT processing_node_pk PRIMARY KEY (node_id)
);
