-- Bridle schema, version 17: whether the person provided a fact themselves (issue 13, point 6).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- TRUE only when the fact's source is a message Bridle received on the bot's account from that
-- same person: a bot with onConsentEnd: keep-provided keeps such facts when the person's consent
-- ends, and forgets every other. Facts written before this column existed count as not provided.
ALTER TABLE person_fact ADD COLUMN provided BOOLEAN DEFAULT FALSE NOT NULL;
