-- Bridle schema, version 16: the post a fact came from (issue 13).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- A fact learnt from a post names it, so that when the post is deleted on the platform the
-- fact goes with it (the developer guidelines ask deleted content to go from everything kept).
ALTER TABLE person_fact ADD COLUMN source_post VARCHAR(32);

CREATE INDEX person_fact_source ON person_fact (source_post);
