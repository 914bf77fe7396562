package dev.bridle.bot;

import java.util.Objects;

/**
 * A filtered-stream rule registered on the platform for the bot's app: the platform's id for it, the rule (X's search
 * syntax) and the tag it was given.
 *
 * @param id the platform's id, used to delete it
 * @param value the rule
 * @param tag the tag, or {@code null}
 */
public record StreamRule(String id, String value, String tag) {

    public StreamRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }
}
