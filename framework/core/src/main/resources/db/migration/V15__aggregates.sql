-- Bridle schema, version 15: aggregates without identifiers (issue 13).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL 15.

-- One row per bot, aggregate, label combination and bucket. bucket -2147483648 holds the totals
-- (a counter's value; a distribution's count and sum); any other bucket k counts the
-- observations whose smallest power of two at or above them is 2^k. Labels are checked before
-- they get here never to hold a user, a post id or a handle.
CREATE TABLE aggregate_series (
    bot       VARCHAR(255)     NOT NULL,
    aggregate VARCHAR(63)      NOT NULL,
    labels    VARCHAR(512)     NOT NULL,
    bucket    INT              NOT NULL,
    n         BIGINT           NOT NULL,
    total     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (bot, aggregate, labels, bucket)
);
