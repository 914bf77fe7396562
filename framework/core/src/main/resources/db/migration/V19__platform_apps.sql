-- Bridle schema, version 19: which platform apps ran on this store, under which environment
-- (issue 14, one app per use case). Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- One row per app, keyed by the SHA-256 of its consumer key (never the key). An app seen under
-- one environment refuses to start under another: a dev or staging app is never used for
-- production, nor a production app for development.
CREATE TABLE platform_app (
    app_key_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    environment   VARCHAR(16)              NOT NULL,
    app_name      VARCHAR(255)             NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
