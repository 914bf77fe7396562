-- Bridle schema, version 9: a deferred action keeps its origin (a bot's action, or a compliance
-- message such as an opt-out confirmation), so it is judged the same way when it runs later.
ALTER TABLE deferred_action ADD COLUMN origin VARCHAR(16) DEFAULT 'BOT' NOT NULL;
