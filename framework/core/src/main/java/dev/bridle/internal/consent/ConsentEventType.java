package dev.bridle.internal.consent;

/**
 * What a consent event records. Only {@link #GIVEN} makes contact lawful; every other type ends some consent. The
 * states follow ISO/IEC TS 27560's event states (given, withdrawn, invalidated, terminated); expiry needs no event, it
 * is read from {@code expires_at}.
 */
public enum ConsentEventType {
    /** The user consented to the event's scopes. */
    GIVEN("given"),
    /** The user withdrew consent to the event's scopes (an opt-out does this too). */
    WITHDRAWN("withdrawn"),
    /** The operator or an authority declared the consent void (a mistaken import, a court order). */
    INVALIDATED("invalidated"),
    /** A single-use interaction consent had its one reply; {@code refersTo} names the grant. */
    USED("terminated");

    private final String isoState;

    ConsentEventType(String isoState) {
        this.isoState = isoState;
    }

    /** The ISO/IEC TS 27560 event state this type records. */
    public String isoState() {
        return isoState;
    }

    /** Whether this type ends the consent of the scopes it names (withdrawal or invalidation). */
    public boolean ends() {
        return this == WITHDRAWN || this == INVALIDATED;
    }
}
