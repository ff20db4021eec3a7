-- Engineers acting for an owner with the owner's consent (docs/notifications.md): while a consent is active, they hear
-- of the file as its owner does. Kept by the notifications processor from the consent events, like
-- notification_application; a consent for "any application of the parcel by this owner" has no application_id.
CREATE TABLE query.notification_representative (
    consent_id         VARCHAR(100) NOT NULL,
    engineer_subject   VARCHAR(255) NOT NULL,
    engineer_name      VARCHAR(255),
    owner_subject      VARCHAR(255),
    municipality_slug  VARCHAR(64)  NOT NULL,
    plate              VARCHAR(64)  NOT NULL,
    application_id     VARCHAR(100),
    active             BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT notification_representative_pk PRIMARY KEY (consent_id)
);
CREATE INDEX notification_representative_owner_ix
    ON query.notification_representative (owner_subject, municipality_slug, plate) WHERE active;
