package dev.bridle.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound direct message to the bot's account.
 *
 * @param eventId the platform's message event id
 * @param sender who sent it
 * @param text the message text
 * @param receivedAt when the platform recorded it
 */
public record DirectMessage(String eventId, UserRef sender, String text, Instant receivedAt) {

    public DirectMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
