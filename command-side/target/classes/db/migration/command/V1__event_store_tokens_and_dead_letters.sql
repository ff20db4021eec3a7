-- Axon's JDBC event store, owned by the command side (schema "axon"), and the command side's own
-- processing infrastructure (schema "command"). Table and column names are Axon's defaults, which
-- PostgreSQL folds to lower case; payloads are bytea, never OID large objects.

CREATE SCHEMA IF NOT EXISTS axon;
CREATE SCHEMA IF NOT EXISTS command;

-- A dedicated sequence for the global index: failed inserts leave gaps that tracking tokens carry.
CREATE SEQUENCE axon.domain_event_global_index_seq;

CREATE TABLE axon.domainevententry (
    globalindex         BIGINT       NOT NULL DEFAULT nextval('axon.domain_event_global_index_seq'),
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domainevententry_pk PRIMARY KEY (globalindex),
    CONSTRAINT domainevententry_aggregate_sequence_uq UNIQUE (aggregateidentifier, sequencenumber),
    CONSTRAINT domainevententry_event_identifier_uq UNIQUE (eventidentifier)
);
ALTER SEQUENCE axon.domain_event_global_index_seq OWNED BY axon.domainevententry.globalindex;

CREATE TABLE axon.snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshotevententry_pk PRIMARY KEY (aggregateidentifier, sequencenumber),
    CONSTRAINT snapshotevententry_event_identifier_uq UNIQUE (eventidentifier)
);

-- Tokens and dead letters of the command side's own processors (the query side keeps its own).
CREATE TABLE command.tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT tokenentry_pk PRIMARY KEY (processorname, segment)
);

CREATE TABLE command.deadletterentry (
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
CREATE INDEX deadletterentry_processing_group_ix ON command.deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence_ix ON command.deadletterentry (processinggroup, sequenceidentifier);
