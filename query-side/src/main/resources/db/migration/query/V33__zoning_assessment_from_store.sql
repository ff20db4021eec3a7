-- The citizens' list of zoning assessments keeps what it lists; what a certificate prints (the parcel's facts, the
-- outcome, and the verification code derived from them) is read from the assessment's own event in the event store
-- when a certificate or its public check is asked for. Copying 20 KB of facts and outcome per assessment was most of
-- the permit-applications projection's rebuild (docs/benchmarks.md, issue 6), and certificates no longer depend on
-- when the row was projected.
DROP INDEX IF EXISTS query.zoning_assessment_verification_code_ux;
ALTER TABLE query.zoning_assessment
    DROP COLUMN IF EXISTS facts,
    DROP COLUMN IF EXISTS outcome,
    DROP COLUMN IF EXISTS verification_code;
