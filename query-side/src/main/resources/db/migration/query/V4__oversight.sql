-- Provincial oversight (docs/oversight.md): facts projected from the permit events, from which every figure is a
-- query. Facts never change once written, so the projection only inserts, ignoring a row it already holds: a
-- redelivered or replayed event counts nothing twice.

-- One row per application: where it was submitted. Facts carry no municipality (only the submission names it), so
-- figures join on this table; a handler never has to read a row another event of the same batch may still be
-- writing.
CREATE TABLE query.oversight_application (
    application_id     VARCHAR(100) NOT NULL,
    municipality_id    VARCHAR(100) NOT NULL,
    municipality_slug  VARCHAR(64)  NOT NULL,
    submitted_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT oversight_application_pk PRIMARY KEY (application_id)
);
CREATE INDEX oversight_application_municipality_ix ON query.oversight_application (municipality_slug);

-- One row per permit event that oversight counts, keyed by the event's aggregate sequence number.
CREATE TABLE query.oversight_fact (
    application_id    VARCHAR(100) NOT NULL,
    sequence          BIGINT       NOT NULL,
    -- The event's global position in the event store: the order in which the review queue is served.
    position          BIGINT       NOT NULL,
    kind              VARCHAR(40)  NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    -- The Jalali month (Asia/Tehran) of occurred_at, e.g. 1405-09: the province counts in Jalali months.
    month             CHAR(7)      NOT NULL,
    -- The stage the event moves the application into; NULL when it changes no stage.
    stage             VARCHAR(40),
    -- Who acted: the reviewer assigned, the decider, the proposer of a discretionary decision. Staff only.
    actor_subject     VARCHAR(255),
    discretionary     BOOLEAN      NOT NULL DEFAULT FALSE,
    -- For a discretionary proposal: APPROVE, REJECT or WAIVE_FEE.
    decision_kind     VARCHAR(20),
    legal_basis_code  VARCHAR(100),
    -- Whether the decision records a written reason (a note, a justification).
    reason_given      BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Fees assessed (due), paid or waived, in whole Rials.
    amount_rials      BIGINT,
    CONSTRAINT oversight_fact_pk PRIMARY KEY (application_id, sequence)
);
CREATE INDEX oversight_fact_month_ix ON query.oversight_fact (month, kind);
CREATE INDEX oversight_fact_position_ix ON query.oversight_fact (application_id, position);
-- The queue-order view looks for older applications ready for review and for a reviewer's assignments.
CREATE INDEX oversight_fact_ready_ix ON query.oversight_fact (position) WHERE stage = 'AWAITING_REVIEW';
CREATE INDEX oversight_fact_assigned_ix ON query.oversight_fact (actor_subject, application_id)
    WHERE kind = 'REVIEWER_ASSIGNED';

-- The time spent in each stage: from the fact that entered it to the next fact that changed the stage.
CREATE VIEW query.oversight_stage_interval AS
SELECT application_id,
       stage,
       occurred_at                               AS entered_at,
       lead(occurred_at) OVER by_application     AS left_at,
       lead(month) OVER by_application           AS left_month
FROM query.oversight_fact
WHERE stage IS NOT NULL
WINDOW by_application AS (PARTITION BY application_id ORDER BY sequence);

-- A reviewer's act that ends their review of an application: approving or rejecting it themself, requesting
-- changes, or proposing a discretionary approval or rejection for a second approver.
CREATE VIEW query.oversight_review_decision AS
SELECT f.application_id, f.sequence, f.position, f.month, f.actor_subject, f.reason_given, f.kind,
       (SELECT max(r.position) FROM query.oversight_fact r
        WHERE r.application_id = f.application_id AND r.stage = 'AWAITING_REVIEW' AND r.position < f.position)
           AS ready_position
FROM query.oversight_fact f
WHERE f.kind = 'CHANGES_REQUESTED'
   OR (f.kind IN ('APPROVED', 'REJECTED') AND NOT f.discretionary)
   OR (f.kind = 'DISCRETION_PROPOSED' AND f.decision_kind IN ('APPROVE', 'REJECT'));

-- Queue-order overtakes: a reviewer's decision on an application while the same reviewer held, undecided, an
-- application of the same municipality that had become ready for review earlier. One row per decision and
-- application overtaken; a violation is an overtake whose decision records no reason (docs/oversight.md).
CREATE VIEW query.oversight_queue_overtake AS
SELECT d.application_id,
       d.sequence,
       d.kind AS decision,
       d.month,
       d.actor_subject AS reviewer_subject,
       d.reason_given,
       b.municipality_slug,
       older.application_id AS overtaken_application_id
FROM query.oversight_review_decision d
JOIN query.oversight_application b ON b.application_id = d.application_id
JOIN query.oversight_fact older ON older.stage = 'AWAITING_REVIEW'
    AND older.application_id <> d.application_id
    AND older.position < d.ready_position
JOIN query.oversight_application a ON a.application_id = older.application_id
    AND a.municipality_id = b.municipality_id
WHERE d.actor_subject IS NOT NULL
  -- the older application's latest readiness before the decision: it was waiting in that round
  AND NOT EXISTS (SELECT 1 FROM query.oversight_fact later
                  WHERE later.application_id = older.application_id AND later.stage = 'AWAITING_REVIEW'
                    AND later.position > older.position AND later.position < d.position)
  -- held by the same reviewer in that round
  AND EXISTS (SELECT 1 FROM query.oversight_fact assigned
              WHERE assigned.application_id = older.application_id AND assigned.kind = 'REVIEWER_ASSIGNED'
                AND assigned.actor_subject = d.actor_subject
                AND assigned.position > older.position AND assigned.position < d.position)
  -- and still undecided: no decision of its reviewer, no withdrawal or expiry since it became ready
  AND NOT EXISTS (SELECT 1 FROM query.oversight_review_decision done
                  WHERE done.application_id = older.application_id
                    AND done.position > older.position AND done.position < d.position)
  AND NOT EXISTS (SELECT 1 FROM query.oversight_fact closed
                  WHERE closed.application_id = older.application_id AND closed.kind IN ('WITHDRAWN', 'EXPIRED')
                    AND closed.position > older.position AND closed.position < d.position);
