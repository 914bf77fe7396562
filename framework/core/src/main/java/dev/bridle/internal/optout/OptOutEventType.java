package dev.bridle.internal.optout;

/** What an opt-out event records. */
public enum OptOutEventType {
    /** The user opted out: no action of any kind reaches them (unfollows aside). */
    OPTED_OUT,
    /**
     * The user wrote something that may be an opt-out: contact is suppressed as for an opt-out until they confirm
     * (STOP) or explicitly opt back in.
     */
    SUSPECTED,
    /** The user gave explicit consent again; the suppressions it covers end. Recorded only for an explicit grant. */
    OPTED_IN
}
