-- Permit applications as their applicants, clerks and oversight read them, and the zoning assessments citizens
-- asked for. Written only by the "permit-applications" processor (ir.parvaneh.query.application); a reset
-- truncates all three tables and replays the event store.

-- One row per application: the stage the events lead to (folded as the command side's PermitApplicationHistory
-- does), the money, the deadlines on each side, the assignee and what the applicant is expected to do next.
CREATE TABLE query.permit_application (
    id                        VARCHAR(100)  NOT NULL,
    municipality_id           VARCHAR(100)  NOT NULL,
    municipality_slug         VARCHAR(64)   NOT NULL,
    plate                     VARCHAR(64)   NOT NULL,
    applicant_subject         VARCHAR(255)  NOT NULL,
    applicant_name            VARCHAR(300)  NOT NULL,
    -- NULL while the submission is being checked (within the submitting command, so rarely seen).
    stage                     VARCHAR(40),
    -- The stage a pending discretionary decision returns to when declined, and the kind pending.
    stage_before_discretion   VARCHAR(40),
    pending_discretion        VARCHAR(20),
    -- Whether an objection was ever filed (one is allowed), for the applicant's next step after a rejection.
    objection_filed           BOOLEAN       NOT NULL DEFAULT FALSE,
    round                     INTEGER       NOT NULL DEFAULT 1,
    submitted_at              TIMESTAMPTZ   NOT NULL,
    last_changed_at           TIMESTAMPTZ   NOT NULL,
    -- When the application entered its current stage: the order of a clerk's queue (FIFO) and its waiting time.
    entered_stage_at          TIMESTAMPTZ   NOT NULL,
    fees_total_rials          BIGINT,
    fees_paid_rials           BIGINT        NOT NULL DEFAULT 0,
    fees_due_rials            BIGINT,
    pay_by                    DATE,
    correct_by                DATE,
    review_due_on             DATE,
    issue_by                  DATE,
    assignee_subject          VARCHAR(255),
    assignee_name             VARCHAR(300),
    permit_number             VARCHAR(64),
    next_step                 VARCHAR(40)   NOT NULL,
    -- The violated or cited rules and the legal basis of the current return, hold or rejection, as JSON.
    reasons                   JSONB,
    -- Sequence number of the last event applied (the application's version): older and redelivered events
    -- change nothing.
    last_sequence             BIGINT        NOT NULL,
    CONSTRAINT permit_application_pk PRIMARY KEY (id)
);
CREATE INDEX permit_application_applicant_ix ON query.permit_application (applicant_subject, submitted_at);
CREATE INDEX permit_application_queue_ix ON query.permit_application (municipality_slug, stage, entered_stage_at);
CREATE INDEX permit_application_assignee_ix ON query.permit_application (assignee_subject, stage);

-- Every event of an application, once: its timeline.
CREATE TABLE query.permit_application_event (
    application_id   VARCHAR(100)  NOT NULL,
    sequence         BIGINT        NOT NULL,
    type             VARCHAR(80)   NOT NULL,
    occurred_at      TIMESTAMPTZ   NOT NULL,
    -- The Jalali date (Asia/Tehran) of occurred_at, yyyy-MM-dd.
    occurred_on_jalali VARCHAR(10) NOT NULL,
    actor_subject    VARCHAR(255),
    actor_role       VARCHAR(40),
    summary_fa       VARCHAR(500)  NOT NULL,
    summary_en       VARCHAR(500)  NOT NULL,
    -- Rules violated or cited, legal basis, justification, amounts, days: whatever the event carries for a reader.
    details          JSONB         NOT NULL,
    CONSTRAINT permit_application_event_pk PRIMARY KEY (application_id, sequence)
);

-- The zoning assessments (دستور نقشه) issued, with who asked for them: a citizen's "my assessments".
CREATE TABLE query.zoning_assessment (
    id                 VARCHAR(100)  NOT NULL,
    requester_subject  VARCHAR(255),
    municipality_id    VARCHAR(100)  NOT NULL,
    municipality_slug  VARCHAR(64)   NOT NULL,
    plate              VARCHAR(64)   NOT NULL,
    intended_use       VARCHAR(64)   NOT NULL,
    issued_on          DATE          NOT NULL,
    valid_until        DATE          NOT NULL,
    rulebook_version   VARCHAR(64)   NOT NULL,
    issued_at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT zoning_assessment_pk PRIMARY KEY (id)
);
CREATE INDEX zoning_assessment_requester_ix ON query.zoning_assessment (requester_subject, issued_at);
