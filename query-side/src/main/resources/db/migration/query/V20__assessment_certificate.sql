-- What the zoning-assessment certificate (GET /api/assessments/{id}/certificate.pdf) prints, kept with each
-- assessment by the same "permit-applications" processor: the event carries it all, so nothing is fetched at
-- print time. Additive: rows projected before this migration have NULLs here until the processor is rebuilt
-- (POST /api/operations/projections/permit-applications/rebuild), and until then the certificate answers
-- 409 ASSESSMENT_CERTIFICATE_NOT_READY instead of printing a partial one.
ALTER TABLE query.zoning_assessment
    ADD COLUMN requester_name     VARCHAR(300),
    ADD COLUMN as_of              DATE,
    ADD COLUMN rulebook_sha256    VARCHAR(64),
    -- The parcel's facts (ParcelFacts) and the outcome (ZoningOutcome) exactly as the event recorded them.
    ADD COLUMN facts              JSONB,
    ADD COLUMN outcome            JSONB,
    -- A short code printed on the certificate and encoded in its QR code, derived from the assessment's id,
    -- rulebook hash, layer checksums and outputs (so a rebuild gives the same code): see docs/certificate.md.
    ADD COLUMN verification_code  VARCHAR(14);
CREATE UNIQUE INDEX zoning_assessment_verification_code_ux ON query.zoning_assessment (verification_code);
