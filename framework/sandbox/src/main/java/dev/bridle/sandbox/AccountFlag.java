package dev.bridle.sandbox;

/**
 * A state an account can be put in to see how a client copes with the platform turning against it. Each flag answers
 * with the platform's real error code.
 */
public enum AccountFlag {
    /** Every request from the account gets 403, code 326 (account temporarily locked). */
    LOCKED,
    /** Every write from the account gets 403, code 261 (application cannot perform write actions). */
    WRITE_RESTRICTED,
    /** Every request with the account's token gets 401, code 89 (invalid or expired token). */
    TOKEN_REVOKED,
    /** Posts, replies and direct messages get 403, code 226 (request looks automated). */
    FLAGGED_AUTOMATED
}
