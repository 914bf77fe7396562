-- Bridle schema, version 20: recipients of exports and what was exported to them (issue 14, point 2).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- Who may receive exports: the date and reference of their agreement to the platform's terms
-- (no agreement, no export), and what lifts the 1,500,000-ID limit: an academic institution
-- redistributing for non-commercial research, or the platform's written permission.
CREATE TABLE export_recipient (
    name                   VARCHAR(100)             NOT NULL PRIMARY KEY,
    terms_agreed_on        DATE                     NOT NULL,
    terms_reference        VARCHAR(500)             NOT NULL,
    academic_noncommercial BOOLEAN                  NOT NULL,
    written_permission     VARCHAR(500),
    added_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per export: how many IDs and how many hydrated objects went to whom, and when. The
-- quotas are sums over rolling windows of these rows, taken under a lock on the recipient's row,
-- so two nodes exporting at once cannot both pass the same remainder.
CREATE TABLE export_batch (
    id          UUID                     NOT NULL PRIMARY KEY,
    recipient   VARCHAR(100)             NOT NULL REFERENCES export_recipient (name),
    ids         BIGINT                   NOT NULL,
    hydrated    BIGINT                   NOT NULL,
    exported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    destination VARCHAR(1000)            NOT NULL
);

CREATE INDEX export_batch_recipient_at ON export_batch (recipient, exported_at);
