package dev.bridle.internal.optout;

/**
 * What an inbound message asks for, as far as opt-out keywords go. The runtime acts on it before any bot sees the
 * message.
 */
public enum MessageClass {

    /** Stop contacting this user: record the opt-out at once and send the one confirmation. */
    OPT_OUT,
    /** The user asks, unambiguously, to hear from us again (a new consent event, never automatic). */
    OPT_IN,
    /** The user asks for help: send the configured help text. */
    HELP,
    /**
     * It may be an opt-out (a near miss like {@code stpo}, or a sentence starting with a keyword): suppress contact
     * with the user at once, as for an opt-out, and ask once for confirmation.
     */
    AMBIGUOUS,
    /** Nothing for the keyword handler; the message goes on to the bots. */
    NONE;

    /** Whether contact with the user must stop now: an opt-out, or a message that may be one. */
    public boolean suppresses() {
        return this == OPT_OUT || this == AMBIGUOUS;
    }
}
