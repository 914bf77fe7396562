package dev.bridle.audit;

/** What a ledger row records. */
public enum LedgerEvent {
    /** The guard chain allowed the action; it is reserved and about to be sent. */
    ALLOWED,
    /** A guard denied the action. */
    DENIED,
    /** A guard or the platform put the action off. */
    DEFERRED,
    /** The platform accepted the action. */
    SENT,
    /** The platform refused the action, or it failed before it could take effect. */
    FAILED,
    /** The platform call may or may not have taken effect; it will be reconciled before any retry. */
    IN_DOUBT,
    /** An in-doubt action was checked against the platform. */
    RECONCILED,
    /** A bot's handler threw. */
    BOT_ERROR,
    /**
     * A guarded read was made: the row holds the kind of read, a hash of what was asked and, in its message, how many
     * objects came back; never what they said.
     */
    READ
}
