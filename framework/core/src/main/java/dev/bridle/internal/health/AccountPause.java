package dev.bridle.internal.health;

import java.time.Instant;
import java.util.Objects;

/**
 * An account paused after the platform refused it; nothing is sent as it until it is resumed.
 *
 * @param handle the account's handle, lower case
 * @param reason why, as an operator reads it
 * @param errorCode the platform's error code, or -1
 * @param httpStatus the HTTP status, or -1
 * @param since when Bridle paused it
 * @param message what the platform said (never a credential)
 */
public record AccountPause(
        String handle, PauseReason reason, int errorCode, int httpStatus, Instant since, String message) {

    public AccountPause {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(message, "message");
    }

    /** One line for people: reason, code, since when, and what to do. */
    public String describe() {
        return "paused since " + since + ": " + reason + (errorCode > 0 ? " (code " + errorCode + ")" : "") + " - "
                + message + "; to fix: " + reason.remedy() + ", then run: bridle accounts resume " + handle;
    }
}
