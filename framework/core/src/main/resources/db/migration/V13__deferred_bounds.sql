-- Bridle schema, version 13: deferred actions that are counted, aged and settled after a crash.
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- Whether the row was queued by a deferral (a throttle or the platform put the action off) or
-- is owed work queued before its first try (a compliance message): a deferral is recorded in
-- the ledger once, and the re-checks of a queued action are not recorded again.
ALTER TABLE deferred_action ADD COLUMN deferred BOOLEAN DEFAULT TRUE NOT NULL;

-- How many times owed work was tried again after a passing failure; the backoff grows with it.
ALTER TABLE deferred_action ADD COLUMN attempts INT DEFAULT 0 NOT NULL;

-- The queue is bounded per bot and per account, and start-up looks for RUNNING and PENDING rows.
CREATE INDEX deferred_action_bot_status ON deferred_action (bot, status);
CREATE INDEX deferred_action_account_status ON deferred_action (account, status);
CREATE INDEX deferred_action_status ON deferred_action (status);
