-- The published rulebook versions, kept by the command side's rulebook register in the transaction that
-- appends RulebookVersionPublished. Rows are only inserted: a published version never changes, and the
-- version in force on day D is the one with the latest effective_from <= D (a later publication wins a tie).
-- The same content is in the event; this table makes "the rulebook in force" one indexed read.
CREATE TABLE command.rulebook_version (
    publication_no  BIGINT GENERATED ALWAYS AS IDENTITY,
    municipality_id VARCHAR(100) NOT NULL,
    version         VARCHAR(40)  NOT NULL,
    effective_from  DATE         NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    files           JSONB        NOT NULL,
    published_at    TIMESTAMPTZ  NOT NULL,
    published_by    VARCHAR(200) NOT NULL,
    CONSTRAINT rulebook_version_pk PRIMARY KEY (publication_no),
    CONSTRAINT rulebook_version_label_uq UNIQUE (municipality_id, version)
);
CREATE INDEX rulebook_version_in_force_idx
    ON command.rulebook_version (municipality_id, effective_from DESC, publication_no DESC);
CREATE INDEX rulebook_version_sha256_idx ON command.rulebook_version (sha256);
