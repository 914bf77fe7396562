-- Bridle schema, version 18: links between people and identifiers off the platform (issue 14).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- One link one bot holds between a platform user and an identifier off the platform, with the
-- basis that allowed it (X Developer Policy, off-platform matching): consent (evidence: the
-- consent event that covered it), provided (evidence: the user's own message that contained the
-- identifier) or public_data (evidence: where it is public). Refusals are only in the ledger,
-- with the identifier hashed. A person's rows go when their consent ends, they opt out, or ask.
CREATE TABLE identity_link (
    bot         VARCHAR(255)             NOT NULL,
    user_id     VARCHAR(32)              NOT NULL,
    external_id VARCHAR(256)             NOT NULL,
    basis       VARCHAR(16)              NOT NULL,
    evidence    VARCHAR(500)             NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bot, user_id, external_id)
);

CREATE INDEX identity_link_user ON identity_link (user_id);
