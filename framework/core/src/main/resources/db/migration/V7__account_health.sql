-- Bridle schema, version 7: account health, what the platform said about each account.
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- An account the platform locked, flagged, refused or no longer authenticates (codes 326, 226,
-- 261, 64, 89, 32): every action of it is denied until an operator resumes it
-- (bridle accounts resume HANDLE), or, for bad credentials, until they verify again at start-up.
-- One row per paused account; resuming deletes the row. The insert is the pause, so two nodes
-- pausing the same account at once pause it once.
CREATE TABLE account_pause (
    account     VARCHAR(255)             NOT NULL PRIMARY KEY,
    reason      VARCHAR(64)              NOT NULL,
    error_code  INTEGER                  NOT NULL,
    http_status INTEGER                  NOT NULL,
    message     VARCHAR                  NOT NULL,
    paused_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A daily account limit the platform reported (185 posts, 161 follows, the DM limit): that kind
-- of action is deferred for the account until paused_until. Rows past their time are ignored.
CREATE TABLE account_kind_pause (
    account      VARCHAR(255)             NOT NULL,
    action_kind  VARCHAR(64)              NOT NULL,
    error_code   INTEGER                  NOT NULL,
    paused_until TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account, action_kind)
);
