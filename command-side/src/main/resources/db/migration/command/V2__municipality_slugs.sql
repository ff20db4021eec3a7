-- Set-based validation: a municipality's slug is unique across the province. The row is claimed in the
-- same transaction that appends MunicipalityRegistered, so a rejected registration leaves neither.
CREATE TABLE command.municipality_slug (
    slug            VARCHAR(64)  NOT NULL,
    municipality_id VARCHAR(100) NOT NULL,
    CONSTRAINT municipality_slug_pk PRIMARY KEY (slug),
    CONSTRAINT municipality_slug_id_uq UNIQUE (municipality_id)
);
