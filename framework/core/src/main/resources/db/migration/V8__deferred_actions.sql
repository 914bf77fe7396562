-- Bridle schema, version 8: actions a throttle deferred, waiting for their time.
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- One row per deferred action. The text waits here until the action runs or is cancelled, then
-- it is cleared: the ledger keeps only its hash.
CREATE TABLE deferred_action (
    request_id         UUID                     NOT NULL PRIMARY KEY,
    bot                VARCHAR(255)             NOT NULL,
    account            VARCHAR(255)             NOT NULL,
    account_id         VARCHAR(64),
    kind               VARCHAR(32)              NOT NULL,
    body               VARCHAR,
    targets            VARCHAR                  NOT NULL,
    post_id            VARCHAR(64),
    post_author_id     VARCHAR(64),
    post_author_handle VARCHAR(255),
    inbound_id         VARCHAR(64),
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(16)              NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who each deferred action reaches, so an opt-out cancels every action waiting for that user.
CREATE TABLE deferred_action_target (
    request_id UUID        NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (request_id, user_id)
);

CREATE INDEX deferred_action_target_user ON deferred_action_target (user_id);
