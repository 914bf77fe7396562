-- Bridle schema, version 14: facts bots remember about people (issue 13).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- One fact one bot holds about one person, keyed by the platform's user id (handles change
-- hands). Only facts the screen let through are here; refusals are in the ledger, without the
-- value. Forgetting a person deletes their rows (by request, opt-out or withdrawn consent).
CREATE TABLE person_fact (
    bot        VARCHAR(255)             NOT NULL,
    user_id    VARCHAR(32)              NOT NULL,
    fact_key   VARCHAR(200)             NOT NULL,
    fact_value VARCHAR(4000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bot, user_id, fact_key)
);

CREATE INDEX person_fact_user ON person_fact (user_id);
