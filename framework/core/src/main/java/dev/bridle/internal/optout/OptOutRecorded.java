package dev.bridle.internal.optout;

import java.util.Objects;

/**
 * An opt-out or suspicion, durably recorded.
 *
 * @param event the event as stored
 * @param wasSuppressed whether contact from the receiving account was already suppressed before it; then the user had
 *     their one message already, and gets none now
 * @param episode the suppression episode it belongs to (the seq of the last opt-in that cleared its account key, 0 if
 *     none): the key of its one notice
 */
public record OptOutRecorded(OptOutEvent event, boolean wasSuppressed, long episode) {

    public OptOutRecorded {
        Objects.requireNonNull(event, "event");
    }
}
