-- An application's timeline is written from its recorded events when it is shown (one indexed read of its stream in
-- the event store), up to the event its row has folded. A 780-byte copy of every permit event (type, dates, actor,
-- summaries and details as JSONB) was the largest write of the permit-applications projection's rebuild
-- (docs/benchmarks.md, issue 6), and the timeline now shows every event as recorded, with no projection to trail.
DROP TABLE IF EXISTS query.permit_application_event;
