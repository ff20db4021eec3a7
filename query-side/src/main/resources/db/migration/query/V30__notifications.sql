-- Notifications (docs/notifications.md): the outbox the `notifications` processor fills and the dispatcher drains,
-- the people's contact details and channel choices, the Persian message templates, and what the processor must
-- remember of an application to know whom to tell.

-- Whom an application concerns, as the notifications processor learned it from the application's own events. The
-- processor keeps its own copy instead of reading another projection's rows, which may lag behind or be rebuilding.
CREATE TABLE query.notification_application (
    application_id     VARCHAR(100) NOT NULL,
    municipality_slug  VARCHAR(64)  NOT NULL,
    plate              VARCHAR(64)  NOT NULL,
    applicant_subject  VARCHAR(255) NOT NULL,
    applicant_name     VARCHAR(255),
    reviewer_subject   VARCHAR(255),
    reviewer_name      VARCHAR(255),
    permit_number      VARCHAR(64),
    CONSTRAINT notification_application_pk PRIMARY KEY (application_id)
);

-- A person's contact details and chosen channels. Phone and e-mail come from the identity provider's token
-- (source TOKEN) until the person sets them (source PERSON); a row's absence means the defaults: SMS and e-mail on.
-- The in-app inbox is always on: it is where a person sees every message, whatever else failed.
CREATE TABLE query.notification_contact (
    subject        VARCHAR(255) NOT NULL,
    phone          VARCHAR(20),
    phone_source   VARCHAR(10),
    email          VARCHAR(320),
    email_source   VARCHAR(10),
    sms_enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
    email_enabled  BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT notification_contact_pk PRIMARY KEY (subject),
    CONSTRAINT notification_contact_phone_source_ck CHECK (phone_source IN ('TOKEN', 'PERSON')),
    CONSTRAINT notification_contact_email_source_ck CHECK (email_source IN ('TOKEN', 'PERSON'))
);

-- Message templates, versioned and never changed once written: a new text is a new version. municipality_slug '*'
-- holds the province's defaults (shipped as a resource file, loaded at start); channel ANY applies to every channel
-- that has no template of its own.
CREATE TABLE query.notification_template (
    municipality_slug  VARCHAR(64)  NOT NULL,
    kind               VARCHAR(40)  NOT NULL,
    channel            VARCHAR(10)  NOT NULL,
    version            INTEGER      NOT NULL,
    title              TEXT         NOT NULL,
    body               TEXT         NOT NULL,
    published_by       VARCHAR(255) NOT NULL,
    published_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT notification_template_pk PRIMARY KEY (municipality_slug, kind, channel, version),
    CONSTRAINT notification_template_channel_ck CHECK (channel IN ('SMS', 'EMAIL', 'IN_APP', 'ANY'))
);

-- The outbox and the inbox in one: one row per (event, recipient, channel), rendered when the event was handled.
-- The unique key makes the processor's insert idempotent (a redelivered batch adds nothing); the dispatcher moves
-- SMS and e-mail rows from PENDING to SENT (or FAILED after the last attempt, or UNDELIVERABLE with no address);
-- in-app rows are DELIVERED when written.
CREATE TABLE query.notification (
    id                     UUID         NOT NULL,
    event_id               VARCHAR(100) NOT NULL,
    recipient_subject      VARCHAR(255) NOT NULL,
    channel                VARCHAR(10)  NOT NULL,
    kind                   VARCHAR(40)  NOT NULL,
    application_id         VARCHAR(100),
    assessment_id          VARCHAR(100),
    municipality_slug      VARCHAR(64),
    -- The template that produced the text: its municipality ('*' for the province's default), channel, version.
    template_municipality  VARCHAR(64)  NOT NULL,
    template_channel       VARCHAR(10)  NOT NULL,
    template_version       INTEGER      NOT NULL,
    title                  TEXT         NOT NULL,
    body                   TEXT         NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    attempts               INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at        TIMESTAMPTZ,
    last_error             TEXT,
    -- Where it went (phone number or e-mail address), once sent.
    address                VARCHAR(320),
    occurred_at            TIMESTAMPTZ  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    sent_at                TIMESTAMPTZ,
    CONSTRAINT notification_pk PRIMARY KEY (id),
    CONSTRAINT notification_once_uk UNIQUE (event_id, recipient_subject, channel),
    CONSTRAINT notification_channel_ck CHECK (channel IN ('SMS', 'EMAIL', 'IN_APP')),
    CONSTRAINT notification_status_ck CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERABLE'))
);
CREATE INDEX notification_due_ix ON query.notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_recipient_ix ON query.notification (recipient_subject, occurred_at DESC);
