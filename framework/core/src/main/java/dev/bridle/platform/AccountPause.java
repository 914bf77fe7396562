package dev.bridle.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * An account Bridle paused after the platform refused it (locked, flagged as automated, suspended, bad credentials):
 * nothing is sent as it until an operator resumes it.
 *
 * @param handle the account's handle, lower case
 * @param reason why, as a constant: {@code LOCKED}, {@code LOOKS_AUTOMATED}, {@code APP_CANNOT_WRITE},
 *     {@code SUSPENDED}, {@code BAD_CREDENTIALS} or {@code RESTRICTED}
 * @param remedy what the operator should do before resuming it
 * @param errorCode the platform's error code, or -1
 * @param httpStatus the HTTP status, or -1
 * @param since when Bridle paused it
 * @param message what the platform said (never a credential)
 */
public record AccountPause(
        String handle, String reason, String remedy, int errorCode, int httpStatus, Instant since, String message) {

    public AccountPause {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(message, "message");
    }

    /** One line for people: reason, code, since when, and what to do. */
    public String describe() {
        return "paused since " + since + ": " + reason + (errorCode > 0 ? " (code " + errorCode + ")" : "") + " - "
                + message + "; to fix: " + remedy + ", then run: bridle accounts resume " + handle;
    }
}
