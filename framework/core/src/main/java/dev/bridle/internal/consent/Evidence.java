package dev.bridle.internal.consent;

import java.util.Objects;

/**
 * What proves an event: the user's own message (its platform id and text), or, for events that came through the API,
 * the command line or an import, the operator's reference to where the proof is (a form submission id, a ticket, a file
 * and line).
 *
 * @param channel how the event reached Bridle
 * @param inboundId the platform id of the user's post or message event, for inbound channels
 * @param inboundText the text of that post or message, as received
 * @param reference the operator's reference, required for API, CLI and import events
 */
public record Evidence(Channel channel, String inboundId, String inboundText, String reference) {

    /** Longest reference kept; the column's size. */
    public static final int MAX_REFERENCE = 1000;
    /** Longest inbound text kept; the column's size (a direct message is at most 10,000 characters). */
    public static final int MAX_TEXT = 20_000;

    public Evidence {
        Objects.requireNonNull(channel, "channel");
        if (channel.isInbound() && (inboundId == null || inboundId.isBlank())) {
            throw new IllegalArgumentException("evidence from a " + channel + " needs the inbound message id");
        }
        if (!channel.isInbound() && (reference == null || reference.isBlank())) {
            throw new IllegalArgumentException("evidence from " + channel
                    + " needs a reference saying where the user's consent or request is recorded");
        }
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("a reference is at most " + MAX_REFERENCE + " characters");
        }
        if (inboundText != null && inboundText.length() > MAX_TEXT) {
            inboundText = inboundText.substring(0, MAX_TEXT);
        }
    }

    /** The user's own post or direct message. */
    public static Evidence inbound(Channel channel, String inboundId, String text) {
        return new Evidence(channel, inboundId, text, null);
    }

    /** An API, command-line or import event, with the operator's reference to its proof. */
    public static Evidence reference(Channel channel, String reference) {
        return new Evidence(channel, null, null, reference);
    }
}
