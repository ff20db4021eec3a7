-- The review queue: which paid applications wait for a reviewer, in the order they became ready, who reviews
-- what, and each municipality's roster and terms. Kept by the review-queue processor from the permit
-- applications' and review desks' events (rebuilt from them on a reset); the assigner adds a row's assignee in
-- the transaction that sends the AssignReviewer command, so a reviewer's load is never counted twice.

CREATE TABLE command.review_reviewer (
    municipality_id VARCHAR(100) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    enrolled_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT review_reviewer_pk PRIMARY KEY (municipality_id, subject)
);

CREATE TABLE command.review_terms (
    municipality_id  VARCHAR(100) NOT NULL,
    review_days      INTEGER      NOT NULL,
    max_open_reviews INTEGER      NOT NULL,
    CONSTRAINT review_terms_pk PRIMARY KEY (municipality_id)
);

-- Who may not review an application: its applicant, and after an upheld objection whoever rejected it.
CREATE TABLE command.review_application (
    application_id     VARCHAR(100)   NOT NULL,
    municipality_id    VARCHAR(100)   NOT NULL,
    municipality_slug  VARCHAR(100)   NOT NULL,
    applicant_subject  VARCHAR(200)   NOT NULL,
    rejected_by        VARCHAR(200),
    excluded_reviewers VARCHAR(200)[] NOT NULL DEFAULT '{}',
    CONSTRAINT review_application_pk PRIMARY KEY (application_id)
);

-- One row per application waiting for or in review. ready_position is the global position of the event that
-- made it ready: the queue's strict FIFO order, the same after a rebuild.
CREATE TABLE command.review_queue (
    application_id  VARCHAR(100) NOT NULL,
    municipality_id VARCHAR(100) NOT NULL,
    ready_position  BIGINT       NOT NULL,
    ready_at        TIMESTAMPTZ  NOT NULL,
    assigned_to     VARCHAR(200),
    assigned_at     TIMESTAMPTZ,
    review_due_on   DATE,
    -- the code of a refused assignment (the application moved on before the queue saw it); skipped until ready again
    refused_code    VARCHAR(100),
    CONSTRAINT review_queue_pk PRIMARY KEY (application_id),
    CONSTRAINT review_queue_application_fk FOREIGN KEY (application_id) REFERENCES command.review_application
);

CREATE INDEX review_queue_waiting ON command.review_queue (municipality_id, ready_position) WHERE assigned_to IS NULL;
CREATE INDEX review_queue_load ON command.review_queue (municipality_id, assigned_to) WHERE assigned_to IS NOT NULL;
