package dev.bridle.consent;

/** How far an opt-out reaches. */
public enum OptOutScope {
    /** Every account of the operator: the default, and what a message of unclear scope means. */
    OPERATOR,
    /** Only the account the message was sent to. */
    ACCOUNT
}
