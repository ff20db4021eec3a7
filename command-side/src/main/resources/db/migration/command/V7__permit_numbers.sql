-- Permit numbers: <municipality slug>-<Jalali year>-<6 digits>, unique and gap-free per municipality and year.
-- The counter row is taken and the number claimed in the transaction that issues the permit, so a refused
-- IssuePermit consumes no number, and two clerks issuing at once get consecutive numbers (the counter row
-- serialises them). An application keeps its number: a retried issue finds it here.
CREATE TABLE command.permit_number_counter (
    municipality_slug VARCHAR(100) NOT NULL,
    jalali_year       INTEGER      NOT NULL,
    last_sequence     INTEGER      NOT NULL,
    CONSTRAINT permit_number_counter_pk PRIMARY KEY (municipality_slug, jalali_year)
);

CREATE TABLE command.permit_number (
    permit_number     VARCHAR(140) NOT NULL,
    application_id    VARCHAR(100) NOT NULL,
    municipality_slug VARCHAR(100) NOT NULL,
    jalali_year       INTEGER      NOT NULL,
    sequence          INTEGER      NOT NULL,
    CONSTRAINT permit_number_pk PRIMARY KEY (permit_number),
    CONSTRAINT permit_number_application_uq UNIQUE (application_id)
);
