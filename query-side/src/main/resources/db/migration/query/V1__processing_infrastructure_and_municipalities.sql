-- The query side's own schema: processing infrastructure and read models. It only reads the event store.

CREATE SCHEMA IF NOT EXISTS query;

-- Tokens and dead letters of the query side's processors, in the same schema as the read models they update,
-- so a projection row and its token commit in one transaction.
CREATE TABLE query.tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT tokenentry_pk PRIMARY KEY (processorname, segment)
);

CREATE TABLE query.deadletterentry (
    deadletteridentifier VARCHAR(255)  NOT NULL,
    processinggroup      VARCHAR(255)  NOT NULL,
    sequenceidentifier   VARCHAR(255)  NOT NULL,
    sequenceindex        BIGINT        NOT NULL,
    messagetype          VARCHAR(255)  NOT NULL,
    eventidentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadtype          VARCHAR(255)  NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255)  NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_pk PRIMARY KEY (deadletteridentifier),
    CONSTRAINT deadletterentry_sequence_uq UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_processing_group_ix ON query.deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence_ix ON query.deadletterentry (processinggroup, sequenceidentifier);

-- Municipalities of the province (public). centroid is a PostGIS point in WGS 84.
CREATE TABLE query.municipality (
    id                  VARCHAR(100)  NOT NULL,
    slug                VARCHAR(64)   NOT NULL,
    name_fa             VARCHAR(200)  NOT NULL,
    name_en             VARCHAR(200)  NOT NULL,
    name_search         VARCHAR(400)  NOT NULL,
    centroid            public.geometry(Point, 4326) NOT NULL,
    programme_phase     VARCHAR(32)   NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    suspension_reason   VARCHAR(1000),
    contact_phone       VARCHAR(32),
    contact_email       VARCHAR(200),
    contact_website     VARCHAR(300),
    contact_address     VARCHAR(1000),
    registered_at       TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    -- Sequence number of the last event applied: replays and redeliveries of older events are ignored.
    last_sequence       BIGINT        NOT NULL,
    CONSTRAINT municipality_pk PRIMARY KEY (id),
    CONSTRAINT municipality_slug_uq UNIQUE (slug)
);
CREATE INDEX municipality_centroid_gix ON query.municipality USING gist (centroid);
