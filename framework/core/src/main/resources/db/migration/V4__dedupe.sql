-- Bridle schema, version 4: duplicate-content detection (dev.bridle.internal.dedupe).
--
-- One file for H2 2.3 (in the PostgreSQL mode the store sets up) and PostgreSQL 15: unquoted
-- lower-case names, BIGINT, VARCHAR, UUID, BYTEA and TIMESTAMP WITH TIME ZONE only.
-- Text is never stored: only its fingerprint (a 64-bit hash of the normalised text and hashed
-- word features, from which the text cannot be read back).

-- One row per reserved post, reply or direct message, kept for the duplicate window (30 days by
-- default). The in-memory index is rebuilt from these rows at start-up, and nodes sharing a
-- PostgreSQL database read each other's recent rows from here.
CREATE TABLE dedupe_post (
    request_id  UUID                     NOT NULL PRIMARY KEY,
    account     VARCHAR(255)             NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    exact_hash  BIGINT                   NOT NULL,
    fingerprint BYTEA                    NOT NULL,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state       VARCHAR(16)              NOT NULL,
    platform_id VARCHAR(255),
    CONSTRAINT dedupe_post_state CHECK (state IN ('PENDING', 'SENT')),
    CONSTRAINT dedupe_post_channel CHECK (channel IN ('PUBLIC', 'DIRECT'))
);

CREATE INDEX dedupe_post_reserved_at ON dedupe_post (reserved_at);

-- At most one live claim per exact normalised text and channel: what makes exact duplicates
-- atomic across nodes. A reservation inserts its claim in the same transaction as its post row;
-- a second node inserting the same key waits for the first and then fails on the primary key.
-- A claim past expires_at (the end of its window) is taken over by a conditional UPDATE, so a
-- text may be posted again once its window has passed; released reservations delete their claim.
CREATE TABLE dedupe_claim (
    channel    VARCHAR(16)              NOT NULL,
    exact_hash BIGINT                   NOT NULL,
    request_id UUID                     NOT NULL,
    account    VARCHAR(255)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel, exact_hash)
);

CREATE INDEX dedupe_claim_request ON dedupe_claim (request_id);
