package dev.bridle.internal.consent;

/** How a consent or opt-out event reached Bridle: the collection method of a receipt. */
public enum Channel {
    /** A post mentioning one of the operator's accounts. */
    MENTION,
    /** A direct message to one of the operator's accounts. */
    DIRECT_MESSAGE,
    /** A call to the Java API by the operator's own code (a web form, a support tool). */
    API,
    /** The {@code bridle consent} command. */
    CLI,
    /** Records brought over from another system; never lifts an opt-out. */
    IMPORT;

    /** Whether the event came from the user's own message on the platform. */
    public boolean isInbound() {
        return this == MENTION || this == DIRECT_MESSAGE;
    }
}
