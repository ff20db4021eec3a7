-- The GIS layer store: immutable, versioned reference data owned by the command side.
-- A layer version's features are inserted once, by its import, in the transaction that records
-- LayerVersionImported; nothing here is ever updated or deleted. The query side reads these tables
-- (OGC API, vector tiles) and never writes them.
--
-- Every feature table keeps the geometry twice: as imported, reprojected to WGS 84 (geom: maps, tiles,
-- point look-ups) and in UTM zone 39N (geom_utm: metric facts such as areas, frontages and shares).

CREATE TABLE layers.layer_version (
    version_id      UUID             NOT NULL,
    municipality_id VARCHAR(100)     NOT NULL,
    layer           VARCHAR(20)      NOT NULL,
    sha256          CHAR(64)         NOT NULL,
    feature_count   INTEGER          NOT NULL,
    source_crs      VARCHAR(80)      NOT NULL,
    min_lon         DOUBLE PRECISION NOT NULL,
    min_lat         DOUBLE PRECISION NOT NULL,
    max_lon         DOUBLE PRECISION NOT NULL,
    max_lat         DOUBLE PRECISION NOT NULL,
    imported_at     TIMESTAMPTZ      NOT NULL,
    imported_by     VARCHAR(200)     NOT NULL,
    CONSTRAINT layer_version_pk PRIMARY KEY (version_id),
    CONSTRAINT layer_version_content_uq UNIQUE (municipality_id, layer, sha256)
);

-- Append-only: the version in force on day D is the activation with the latest effective_from <= D
-- (the later activation wins a tie).
CREATE TABLE layers.layer_activation (
    activation_no   BIGINT GENERATED ALWAYS AS IDENTITY,
    municipality_id VARCHAR(100) NOT NULL,
    layer           VARCHAR(20)  NOT NULL,
    version_id      UUID         NOT NULL REFERENCES layers.layer_version (version_id),
    effective_from  DATE         NOT NULL,
    activated_at    TIMESTAMPTZ  NOT NULL,
    activated_by    VARCHAR(200) NOT NULL,
    CONSTRAINT layer_activation_pk PRIMARY KEY (activation_no)
);
CREATE INDEX layer_activation_in_force_idx
    ON layers.layer_activation (municipality_id, layer, effective_from DESC, activation_no DESC);

-- Features reference their version through a deferred key: the import stores them before the event
-- handler records the version, both in one transaction.
CREATE TABLE layers.boundary (
    version_id    UUID                               NOT NULL,
    feature_index INTEGER                            NOT NULL,
    name          VARCHAR(200),
    geom          geometry(MultiPolygon, 4326)       NOT NULL,
    geom_utm      geometry(MultiPolygon, 32639)      NOT NULL,
    CONSTRAINT boundary_pk PRIMARY KEY (version_id, feature_index),
    CONSTRAINT boundary_version_fk FOREIGN KEY (version_id) REFERENCES layers.layer_version (version_id)
        DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE layers.parcel (
    version_id      UUID                          NOT NULL,
    feature_index   INTEGER                       NOT NULL,
    plate           VARCHAR(40)                   NOT NULL,
    renovation_code VARCHAR(60),
    geom            geometry(MultiPolygon, 4326)  NOT NULL,
    geom_utm        geometry(MultiPolygon, 32639) NOT NULL,
    CONSTRAINT parcel_pk PRIMARY KEY (version_id, plate),
    CONSTRAINT parcel_version_fk FOREIGN KEY (version_id) REFERENCES layers.layer_version (version_id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX parcel_geom_idx ON layers.parcel USING gist (geom);
CREATE INDEX parcel_feature_idx ON layers.parcel (version_id, feature_index);

CREATE TABLE layers.zone (
    version_id    UUID                          NOT NULL,
    feature_index INTEGER                       NOT NULL,
    zone_code     VARCHAR(20)                   NOT NULL,
    geom          geometry(MultiPolygon, 4326)  NOT NULL,
    geom_utm      geometry(MultiPolygon, 32639) NOT NULL,
    CONSTRAINT zone_pk PRIMARY KEY (version_id, feature_index),
    CONSTRAINT zone_version_fk FOREIGN KEY (version_id) REFERENCES layers.layer_version (version_id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX zone_geom_idx ON layers.zone USING gist (geom);
CREATE INDEX zone_geom_utm_idx ON layers.zone USING gist (geom_utm);

CREATE TABLE layers.passage (
    version_id    UUID                             NOT NULL,
    feature_index INTEGER                          NOT NULL,
    name          VARCHAR(200),
    width_m       NUMERIC(6, 2)                    NOT NULL CHECK (width_m > 0),
    geom          geometry(MultiLineString, 4326)  NOT NULL,
    geom_utm      geometry(MultiLineString, 32639) NOT NULL,
    CONSTRAINT passage_pk PRIMARY KEY (version_id, feature_index),
    CONSTRAINT passage_version_fk FOREIGN KEY (version_id) REFERENCES layers.layer_version (version_id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX passage_geom_idx ON layers.passage USING gist (geom);
CREATE INDEX passage_geom_utm_idx ON layers.passage USING gist (geom_utm);

CREATE TABLE layers.price_block (
    version_id         UUID                          NOT NULL,
    feature_index      INTEGER                       NOT NULL,
    block_code         VARCHAR(40),
    price_rials_per_m2 BIGINT                        NOT NULL CHECK (price_rials_per_m2 > 0),
    geom               geometry(MultiPolygon, 4326)  NOT NULL,
    geom_utm           geometry(MultiPolygon, 32639) NOT NULL,
    CONSTRAINT price_block_pk PRIMARY KEY (version_id, feature_index),
    CONSTRAINT price_block_version_fk FOREIGN KEY (version_id) REFERENCES layers.layer_version (version_id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX price_block_geom_idx ON layers.price_block USING gist (geom);
CREATE INDEX price_block_geom_utm_idx ON layers.price_block USING gist (geom_utm);

CREATE TABLE layers.overlay (
    version_id       UUID                          NOT NULL,
    feature_index    INTEGER                       NOT NULL,
    overlay_code     VARCHAR(40)                   NOT NULL,
    kind             VARCHAR(40)                   NOT NULL,
    precedence       VARCHAR(10)                   NOT NULL CHECK (precedence IN ('RESTRICT', 'RELAX', 'REPLACE')),
    max_floors       INTEGER,
    max_height_m     NUMERIC(6, 2),
    setback_m        NUMERIC(6, 2),
    replacement_zone VARCHAR(20),
    description      VARCHAR(500),
    geom             geometry(MultiPolygon, 4326)  NOT NULL,
    geom_utm         geometry(MultiPolygon, 32639) NOT NULL,
    CONSTRAINT overlay_pk PRIMARY KEY (version_id, feature_index),
    CONSTRAINT overlay_version_fk FOREIGN KEY (version_id) REFERENCES layers.layer_version (version_id)
        DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT overlay_replacement_ck CHECK (precedence <> 'REPLACE' OR replacement_zone IS NOT NULL)
);
CREATE INDEX overlay_geom_idx ON layers.overlay USING gist (geom);
CREATE INDEX overlay_geom_utm_idx ON layers.overlay USING gist (geom_utm);

-- The query side reads the layer store and must never write it. A deployment grants this group role
-- to the query side's login (see docs/architecture.md); the role is cluster-wide, hence the guard.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'parvaneh_layer_reader') THEN
        CREATE ROLE parvaneh_layer_reader NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA layers TO parvaneh_layer_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA layers TO parvaneh_layer_reader;
