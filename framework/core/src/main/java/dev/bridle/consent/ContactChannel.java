package dev.bridle.consent;

/** How a consent or opt-out reached Bridle: the collection method a receipt names. */
public enum ContactChannel {
    /** A post mentioning one of the operator's accounts (the keywords recorded it). */
    MENTION,
    /** A direct message to one of the operator's accounts (the keywords recorded it). */
    DIRECT_MESSAGE,
    /** The Java API: the operator's own code, such as a sign-up form or a support desk. */
    API,
    /** The operator's command line, {@code bridle consent}. */
    CLI,
    /** Records brought over from another system: a grant by import never lifts an opt-out. */
    IMPORT;

    /** Whether it came as the person's own message on the platform, which only the keywords record. */
    public boolean isMessage() {
        return this == MENTION || this == DIRECT_MESSAGE;
    }
}
