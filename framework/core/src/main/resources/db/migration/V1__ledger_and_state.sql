-- Bridle schema, version 1: the audit ledger, its head, and per-bot state.
--
-- The same file runs on H2 (in the PostgreSQL mode Database sets up) and on PostgreSQL 15, so
-- it keeps to what both accept: unquoted lower-case names, BIGINT, VARCHAR, UUID and
-- TIMESTAMP WITH TIME ZONE (microseconds on both). VARCHAR without a length is unbounded on
-- PostgreSQL and up to 1,000,000 characters on H2. No TEXT: H2 maps it to a CLOB.
-- Migration numbers: V2 is Quartz's tables; V3 and later belong to the other stores.

-- One row per decision or outcome, hash-chained: hash = SHA-256(prev_hash, this row's fields).
-- Rows are only ever inserted. Text is never stored, only its SHA-256 (content_hash).
CREATE TABLE audit_ledger (
    seq          BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    request_id   UUID,
    bot          VARCHAR(255)             NOT NULL,
    account      VARCHAR(255)             NOT NULL,
    action_kind  VARCHAR(64),
    targets      VARCHAR                  NOT NULL,
    content_hash VARCHAR(64),
    event        VARCHAR(32)              NOT NULL,
    guard        VARCHAR(255),
    reason       VARCHAR(255),
    rule         VARCHAR(255),
    message      VARCHAR,
    platform_id  VARCHAR(255),
    error        VARCHAR,
    prev_hash    VARCHAR(64)              NOT NULL,
    hash         VARCHAR(64)              NOT NULL
);

CREATE INDEX audit_ledger_request ON audit_ledger (request_id);

-- The end of the chain. Every append locks this one row (SELECT ... FOR UPDATE), so nodes that
-- share a PostgreSQL database append one after the other and the chain stays a single chain.
-- verify() also checks the last row against it, which finds rows deleted from the end.
CREATE TABLE ledger_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT ledger_head_single_row CHECK (id = 1)
);

INSERT INTO ledger_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Durable per-bot key-value state (BotState). The columns are state_key and state_value
-- because KEY and VALUE are reserved words in H2.
CREATE TABLE bot_state (
    bot         VARCHAR(255)             NOT NULL,
    state_key   VARCHAR(255)             NOT NULL,
    state_value VARCHAR                  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bot, state_key)
);
