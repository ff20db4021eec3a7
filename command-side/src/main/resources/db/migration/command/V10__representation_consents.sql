-- Representatives acting with the owner's consent (issue 8).

-- The consents as their events left them: kept by the subscribing consent-register in the transaction that appends
-- each consent event, so that a permit command checking "is there an active consent covering this file and act?"
-- never sees a consent given or withdrawn by a command that has not committed, nor misses one that has.
CREATE TABLE command.representation_consent (
    consent_id          VARCHAR(100)  NOT NULL,
    status              VARCHAR(20)   NOT NULL,  -- REQUESTED, GIVEN, WITHDRAWN
    engineer_subject    VARCHAR(200)  NOT NULL,
    engineer_name       VARCHAR(200)  NOT NULL,
    engineer_licence    VARCHAR(100)  NOT NULL,
    owner_national_code CHAR(10)      NOT NULL,
    owner_subject       VARCHAR(200),
    owner_name          VARCHAR(200),
    municipality_slug   VARCHAR(100)  NOT NULL,
    plate               VARCHAR(100)  NOT NULL,
    application_id      VARCHAR(100),            -- NULL: any application of the parcel by this owner
    acts                VARCHAR(20)[] NOT NULL,
    requested_at        TIMESTAMPTZ   NOT NULL,
    given_at            TIMESTAMPTZ,
    given_via           VARCHAR(10),
    withdrawn_at        TIMESTAMPTZ,
    CONSTRAINT representation_consent_pk PRIMARY KEY (consent_id)
);
CREATE INDEX representation_consent_by_engineer ON command.representation_consent (engineer_subject, owner_national_code, municipality_slug, plate);
CREATE INDEX representation_consent_by_owner ON command.representation_consent (owner_national_code);

-- Where an owner's one-time codes go: filled from the owner's own token (claims national_code, phone_number) whenever
-- they act on the command side, so that the number is the one the identity provider vouches for.
CREATE TABLE command.owner_contact (
    national_code CHAR(10)     NOT NULL,
    subject       VARCHAR(200) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    phone         VARCHAR(30)  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT owner_contact_pk PRIMARY KEY (national_code)
);

-- One-time codes, only as HMAC-SHA256(server secret, code id || code): never the code itself, never in an event.
-- Whether a code is used up, expired or exhausted is the consent aggregate's to judge from its events; the rows are
-- also what rate limiting counts (codes issued per owner and per engineer in the last hour).
CREATE TABLE command.consent_code (
    code_id             VARCHAR(100) NOT NULL,
    consent_id          VARCHAR(100) NOT NULL,
    owner_national_code CHAR(10)     NOT NULL,
    engineer_subject    VARCHAR(200) NOT NULL,
    code_hmac           BYTEA        NOT NULL,
    issued_at           TIMESTAMPTZ  NOT NULL,
    expires_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT consent_code_pk PRIMARY KEY (code_id)
);
CREATE INDEX consent_code_by_owner ON command.consent_code (owner_national_code, issued_at);
CREATE INDEX consent_code_by_engineer ON command.consent_code (engineer_subject, issued_at);
