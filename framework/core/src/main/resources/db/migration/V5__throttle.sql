-- Throttle state (package dev.bridle.internal.throttle). Runs unchanged on H2 and PostgreSQL 15.

-- Token buckets shared by every node (PostgresBucketStore, Bucket4j's select-for-update proxy
-- manager). On H2 the buckets live in memory (LocalBucketStore) and this table stays empty.
-- state is Bucket4j's serialised bucket; expires_at (epoch milliseconds) is when the bucket will
-- have refilled, after which PostgresBucketStore.purgeExpired may delete the row.
CREATE TABLE throttle_bucket (
    id         VARCHAR(200) NOT NULL,
    state      BYTEA,
    expires_at BIGINT,
    CONSTRAINT throttle_bucket_pk PRIMARY KEY (id)
);
CREATE INDEX throttle_bucket_expires_at ON throttle_bucket (expires_at);

-- Follows and unfollows by the operator's accounts, one row each, for the follow-churn rule
-- (FollowChurnGuard, JdbcFollowHistory). account is the handle in lower case.
CREATE TABLE throttle_follow_event (
    account     VARCHAR(100)             NOT NULL,
    user_id     VARCHAR(32)              NOT NULL,
    event       VARCHAR(8)               NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT throttle_follow_event_kind CHECK (event IN ('FOLLOW', 'UNFOLLOW'))
);
CREATE INDEX throttle_follow_event_pair ON throttle_follow_event (account, user_id, event, occurred_at);

-- Inbound interactions that have their one automated answer (OneReplyPerInteractionGuard,
-- JdbcAnsweredInteractions). The primary key makes the claim atomic across nodes.
CREATE TABLE throttle_answered_interaction (
    inbound_id VARCHAR(64)              NOT NULL,
    request_id UUID                     NOT NULL,
    account    VARCHAR(100)             NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT throttle_answered_interaction_pk PRIMARY KEY (inbound_id)
);
