-- Bridle schema, version 6: inbound mentions and direct messages.
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- Where polling left off, per account and kind (MENTION, DIRECT_MESSAGE): the newest id handled.
CREATE TABLE inbound_cursor (
    account    VARCHAR(255)             NOT NULL,
    kind       VARCHAR(32)              NOT NULL,
    since_id   VARCHAR(64)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account, kind)
);

-- Every inbound message handled, so that one delivered twice (by polling and the webhook, by two
-- nodes, or again after a crash) is handled once. The insert is the claim.
CREATE TABLE inbound_seen (
    account     VARCHAR(255)             NOT NULL,
    kind        VARCHAR(32)              NOT NULL,
    message_id  VARCHAR(64)              NOT NULL,
    author_id   VARCHAR(64)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account, kind, message_id)
);
